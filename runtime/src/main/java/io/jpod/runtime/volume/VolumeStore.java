package io.jpod.runtime.volume;

import io.jpod.runtime.pod.PodException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named volumes, which back persistentVolumeClaims and outlive pods: {@code VOLUMES/NAME/_data}, as
 * podman keeps them, so a claim played again finds its data.
 */
public final class VolumeStore {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private final Path root;

    public VolumeStore(Path root) {
        this.root = root;
    }

    /** A volume as {@code volume ls/inspect} show it. */
    public record Volume(String name, Path mountpoint, Instant created) {}

    public List<Volume> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            List<Volume> volumes = new ArrayList<>();
            for (Path dir : dirs.sorted().toList()) {
                volumes.add(describe(dir));
            }
            return volumes;
        }
    }

    public Optional<Volume> find(String name) throws IOException {
        Path dir = root.resolve(name);
        return NAME.matcher(name).matches() && Files.isDirectory(dir)
                ? Optional.of(describe(dir))
                : Optional.empty();
    }

    public Volume create(String name) throws IOException, PodException {
        if (!NAME.matcher(name).matches()) {
            throw new PodException(
                    "invalid volume name " + name + ": use letters, digits, '_', '.' and '-'");
        }
        if (Files.isDirectory(root.resolve(name))) {
            throw new PodException("volume " + name + " already exists");
        }
        Files.createDirectories(root.resolve(name).resolve("_data"));
        return describe(root.resolve(name));
    }

    /**
     * Removes a volume and its data. Whether a pod still holds it is the caller's check, made under
     * the state lock (the engine's StoreRemovals).
     */
    public void remove(String name) throws IOException, PodException {
        find(name).orElseThrow(() -> new PodException("no volume with name " + name + " found"));
        try (Stream<Path> walk = Files.walk(root.resolve(name))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Volume describe(Path dir) throws IOException {
        FileTime created = Files.getLastModifiedTime(dir);
        return new Volume(dir.getFileName().toString(), dir.resolve("_data"), created.toInstant());
    }
}
