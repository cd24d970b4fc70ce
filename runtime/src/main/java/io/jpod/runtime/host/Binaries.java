package io.jpod.runtime.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a helper that jpod runs by name is: the first executable of that name on PATH. */
public final class Binaries {

    private Binaries() {}

    public static Optional<Path> onPath(String name) {
        return find(name, System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    static Optional<Path> find(String name, String path) {
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
