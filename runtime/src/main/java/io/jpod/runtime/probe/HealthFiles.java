package io.jpod.runtime.probe;

import io.jpod.runtime.json.RecordJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One small JSON file per probed pod under jpod's run directory, written by the prober alone (by
 * atomic rename) and read by {@code inspect}, {@code ps}, {@code pod ps} and {@code wait}. Kept out
 * of the pod's record so that the prober, which writes every period, never takes the pod's lock
 * that the exit hook, stop and removal wait on; kept out of the pod's directory so that a removal
 * deleting it never races a write. It lives in the run directory because it dies with the
 * containers at a reboot.
 */
public final class HealthFiles {

    private final Path dir;

    public HealthFiles(Path runDir) {
        this.dir = runDir.resolve("health");
    }

    /** Empty when the pod has no probes or the prober has not written yet. */
    public Optional<PodHealth> read(String podId) {
        try {
            return Optional.of(RecordJson.read(Files.readAllBytes(file(podId)), PodHealth.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RecordJson.JsonException e) {
            // a file of an older or broken prober: as if none, the next write replaces it
            return Optional.empty();
        }
    }

    void write(String podId, PodHealth health) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(podId + ".json.tmp");
        Files.writeString(tmp, RecordJson.write(health));
        Files.move(tmp, file(podId), StandardCopyOption.ATOMIC_MOVE);
    }

    void delete(String podId) throws IOException {
        Files.deleteIfExists(file(podId));
    }

    /** The pods that have a file. */
    List<String> podIds() throws IOException {
        List<String> ids = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.newDirectoryStream(dir, "*.json")) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    ids.add(name.substring(0, name.length() - ".json".length()));
                }
            }
        }
        return ids;
    }

    private Path file(String podId) {
        return dir.resolve(podId + ".json");
    }
}
