package io.jpod.runtime.image.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.blob.Digest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

class TarSplitTest {

    @TempDir Path root;

    private LayerStore store() {
        return new LayerStore(
                root.resolve("layers"),
                root.resolve("tmp"),
                new LayerExtractor(new RecordingFileOps(), message -> {}));
    }

    private static byte[] written(LayerStore store, Digest diffId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.writeTar(diffId, out);
        return out.toByteArray();
    }

    @Test
    void writesEveryKindOfEntryBackByteForByte() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 7];
        Arrays.fill(big, (byte) 'x');
        String longName = "d/" + "n".repeat(150) + "/file-with-a-name-longer-than-a-ustar-header";
        byte[] tar =
                new TarBuilder()
                        .dir("d")
                        .file("d/empty", "")
                        .file("d/odd", "not a multiple of 512")
                        .file("d/big", big, 0644)
                        .owner(33, 33)
                        .file(longName, "pax header before me")
                        .symlink("d/link", "/etc/passwd")
                        .hardlink("d/hard", "d/odd")
                        .file("d/.wh.gone", "")
                        .file("d/.wh..wh..opq", "")
                        .fifo("d/fifo")
                        .tar();
        LayerStore store = store();

        ExtractedLayer layer =
                store.extract(
                        new ByteArrayInputStream(TarBuilder.gzip(tar)),
                        Optional.empty(),
                        Optional.empty());

        assertArrayEquals(tar, written(store, layer.diffId()));
    }

    @Test
    void trailingBytesAfterTheEndMarkerAreKept() throws Exception {
        byte[] tar = new TarBuilder().file("a", "a").tar();
        byte[] padded = Arrays.copyOf(tar, tar.length + 4096);
        LayerStore store = store();

        ExtractedLayer layer =
                store.extract(new ByteArrayInputStream(padded), Optional.empty(), Optional.empty());

        assertArrayEquals(padded, written(store, layer.diffId()));
    }

    @Test
    void aChangedFileGivesOtherBytesAndAShortenedOneAnError() throws Exception {
        byte[] tar = new TarBuilder().file("a", "original").file("b", "bbbb").tar();
        LayerStore store = store();
        Digest diffId =
                store.extract(new ByteArrayInputStream(tar), Optional.empty(), Optional.empty())
                        .diffId();

        Files.writeString(store.path(diffId).resolve("a"), "ORIGINAL");
        assertFalse(Arrays.equals(tar, written(store, diffId)));

        Files.writeString(store.path(diffId).resolve("b"), "b");
        LayerException e = assertThrows(LayerException.class, () -> written(store, diffId));
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
    }

    @Test
    void aLayerWithoutSplitSaysHowToGetOneAndRemovalTakesTheSplit() throws Exception {
        byte[] tar = new TarBuilder().file("a", "a").tar();
        LayerStore store = store();
        Digest diffId =
                store.extract(new ByteArrayInputStream(tar), Optional.empty(), Optional.empty())
                        .diffId();
        Path split = root.resolve("tar-split").resolve(diffId.hex());
        assertTrue(Files.exists(split));

        store.remove(diffId);

        assertFalse(Files.exists(split));
        LayerException e = assertThrows(LayerException.class, () -> written(store, diffId));
        assertTrue(e.getMessage().contains("pull or load it again"), e.getMessage());
    }
}
