package io.jpod.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.oci.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** images.json: what the Jackson mapper of the image store wrote before is read the same. */
class ImageIndexTest {

    @TempDir Path dir;

    private Path jacksonWritten() throws IOException {
        Path file = dir.resolve("images.json");
        try (InputStream in = getClass().getResourceAsStream("/image/jackson-images.json")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void readsAnIndexJacksonWroteAndJacksonReadsItBack() throws Exception {
        Path file = jacksonWritten();
        ImageIndex.Document before = Json.read(Files.readAllBytes(file), ImageIndex.Document.class);
        ImageIndex index = ImageIndex.read(file);
        index.write(file);
        ImageIndex.Document after = Json.read(Files.readAllBytes(file), ImageIndex.Document.class);
        assertEquals(before, after);
        ImageIndex again = ImageIndex.read(file);
        Image image = again.images().getFirst();
        assertEquals(List.of("localhost/jpod-busybox:latest"), image.names());
        assertEquals(List.of("sh"), image.config().cmd());
        assertEquals(Instant.parse("2026-12-01T23:13:23Z"), image.created());
        assertEquals(List.of(), image.digests());
    }

    @Test
    void aCorruptIndexNamesItsFile() throws Exception {
        Path file = dir.resolve("images.json");
        Files.writeString(file, "{\"version\": 1, \"images\": [");
        IOException e = assertThrows(IOException.class, () -> ImageIndex.read(file));
        assertTrue(e.getMessage().startsWith(file + ": unexpected end"), e.getMessage());
    }
}
