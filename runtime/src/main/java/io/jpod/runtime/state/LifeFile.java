package io.jpod.runtime.state;

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

/**
 * A container's {@link ContainerLife}, one JSON file in its directory, replaced by atomic rename. A
 * container without one, or whose directory is gone, reads as fresh.
 */
public final class LifeFile {

    private static final String NAME = "life.json";

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private LifeFile() {}

    public static ContainerLife read(Path containerDir) {
        try {
            return JSON.readValue(
                    Files.readAllBytes(containerDir.resolve(NAME)), ContainerLife.class);
        } catch (NoSuchFileException e) {
            return ContainerLife.FRESH;
        } catch (IOException e) {
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
        JSON.writeValue(tmp.toFile(), life);
        Files.move(tmp, containerDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
    }
}
