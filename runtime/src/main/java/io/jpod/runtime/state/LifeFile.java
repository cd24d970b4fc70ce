package io.jpod.runtime.state;

import io.jpod.runtime.json.RecordJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A container's {@link ContainerLife}, one JSON file in its directory, replaced by atomic rename. A
 * container without one, or whose directory is gone, reads as fresh.
 */
public final class LifeFile {

    private static final String NAME = "life.json";

    private LifeFile() {}

    public static ContainerLife read(Path containerDir) {
        try {
            return RecordJson.read(
                    Files.readAllBytes(containerDir.resolve(NAME)), ContainerLife.class);
        } catch (NoSuchFileException e) {
            return ContainerLife.FRESH;
        } catch (IOException | RecordJson.JsonException e) {
            // written by rename, so never half a file: an unreadable one is from another version
            return ContainerLife.FRESH;
        }
    }

    /** Does nothing when the container's directory is gone: its pod was removed meanwhile. */
    public static void write(Path containerDir, ContainerLife life) throws IOException {
        if (!Files.isDirectory(containerDir)) {
            return;
        }
        Path tmp = containerDir.resolve(NAME + ".tmp" + ProcessHandle.current().pid());
        Files.writeString(tmp, RecordJson.write(life));
        Files.move(tmp, containerDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
    }
}
