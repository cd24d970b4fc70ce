package io.jpod.runtime.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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

    /**
     * Made on first use: every command opens the engine, which makes this, and most read no health
     * file (a cold mapper is most of what opening the engine would cost).
     */
    private static final class Mapper {
        static final ObjectMapper JSON =
                JsonMapper.builder()
                        .addModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
    }

    private final Path dir;

    public HealthFiles(Path runDir) {
        this.dir = runDir.resolve("health");
    }

    /** Empty when the pod has no probes or the prober has not written yet. */
    public Optional<PodHealth> read(String podId) {
        try {
            return Optional.of(
                    Mapper.JSON.readValue(Files.readAllBytes(file(podId)), PodHealth.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a file of an older or broken prober: as if none, the next write replaces it
            return Optional.empty();
        }
    }

    void write(String podId, PodHealth health) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(podId + ".json.tmp");
        Mapper.JSON.writeValue(tmp.toFile(), health);
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
