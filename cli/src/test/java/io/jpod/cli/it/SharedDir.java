package io.jpod.cli.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A host directory the test user owns, mounted by a manifest as hostPath {@code __DIR__}: what the
 * containers write there outlives their pod, so the order of events can be read after a stop.
 */
record SharedDir(Path dir, Path manifest) {

    static SharedDir of(Jpod jpod, String resource) throws Exception {
        Path dir = jpod.stage().resolve("shared-" + System.nanoTime());
        Jpod.Result made = jpod.script(List.of("mkdir", "-p", dir.toString()));
        if (made.exitCode() != 0) {
            throw new IllegalStateException(made.all());
        }
        String text = Files.readString(jpod.stage().resolve("it/" + resource));
        Path manifest = dir.resolveSibling(dir.getFileName() + ".yaml");
        Files.writeString(manifest, text.replace("__DIR__", dir.toString()));
        return new SharedDir(dir, manifest);
    }

    String read(String file) throws Exception {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    /** Waits until the file contains {@code text}; returns what it holds then. */
    String await(String file, String text) throws Exception {
        String now = read(file);
        for (int i = 0; i < 300 && !now.contains(text); i++) {
            Thread.sleep(100);
            now = read(file);
        }
        return now;
    }
}
