package io.jpod.runtime.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.blob.Digest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

class LayerStoreTest {

    @TempDir Path root;

    LayerStore store() {
        return new LayerStore(
                root.resolve("layers"),
                root.resolve("tmp"),
                new LayerExtractor(new RecordingFileOps(), message -> {}));
    }

    @Test
    void storesGzipAndPlainLayersUnderTheirDiffId() throws Exception {
        byte[] tar = new TarBuilder().file("a", "a").tar();
        byte[] gz = TarBuilder.gzip(tar);
        LayerStore store = store();

        ExtractedLayer layer =
                store.extract(
                        new ByteArrayInputStream(gz),
                        Optional.of(Digest.of(gz)),
                        Optional.of(Digest.of(tar)));

        assertEquals(new ExtractedLayer(Digest.of(tar), tar.length), layer);
        assertEquals("a", Files.readString(store.path(layer.diffId()).resolve("a")));
        assertEquals(
                layer,
                store.extract(new ByteArrayInputStream(tar), Optional.empty(), Optional.empty()),
                "extracting a layer again keeps the one there");
        assertEquals(List.of(layer.diffId()), store.list());
        assertTmpEmpty();

        store.remove(layer.diffId());
        assertFalse(store.contains(layer.diffId()));
        assertTmpEmpty();
    }

    @Test
    void aDigestMismatchLeavesNothing() throws Exception {
        byte[] tar = new TarBuilder().file("a", "a").tar();
        LayerStore store = store();
        LayerException e =
                assertThrows(
                        LayerException.class,
                        () ->
                                store.extract(
                                        new ByteArrayInputStream(tar),
                                        Optional.of(Digest.of(new byte[0])),
                                        Optional.empty()));
        assertTrue(e.getMessage().contains("digest mismatch"), e.getMessage());
        assertEquals(List.of(), store.list());
        assertTmpEmpty();
    }

    @Test
    void theDigestCoversTrailingBytesAfterTheTarEnd() throws Exception {
        byte[] tar = new TarBuilder().file("a", "a").tar();
        byte[] padded = java.util.Arrays.copyOf(tar, tar.length + 4096);
        ExtractedLayer layer =
                store().extract(
                                new ByteArrayInputStream(padded),
                                Optional.of(Digest.of(padded)),
                                Optional.of(Digest.of(padded)));
        assertEquals(padded.length, layer.size());
    }

    @Test
    void detectsCompressionByMagicBytes() throws Exception {
        assertEquals(Compression.GZIP, detect(TarBuilder.gzip(new byte[] {1})));
        assertEquals(Compression.ZSTD, detect(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}));
        assertEquals(Compression.NONE, detect(new TarBuilder().file("a", "a").tar()));
        assertEquals(Compression.NONE, detect(new byte[0]));
    }

    private static Compression detect(byte[] content) throws Exception {
        return Compression.detect(
                new java.io.BufferedInputStream(new ByteArrayInputStream(content)));
    }

    private void assertTmpEmpty() throws Exception {
        try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
            assertEquals(List.of(), left.toList());
        }
    }
}
