package io.jpod.runtime.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

class ShiftedLayersTest {

    @TempDir Path store;

    private Path layer() throws Exception {
        Path layer = Files.createDirectories(store.resolve("layers").resolve("ab".repeat(32)));
        Files.createDirectories(layer.resolve("etc"));
        Files.writeString(layer.resolve("etc/passwd"), "root:x:0:0::/:/bin/sh\n");
        Files.createSymbolicLink(layer.resolve("etc/link"), Path.of("/nowhere"));
        return layer;
    }

    private static int uid(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void aCopyIsMadeOnceAndRemovedWithItsLayer() throws Exception {
        Path layer = layer();
        ShiftedLayers shifted =
                new ShiftedLayers(store.resolve("layers-shifted"), store.resolve("tmp"));
        // an offset of 0 needs no privilege: the copy keeps its owners
        Path copy = shifted.of(layer, 0);
        assertEquals(store.resolve("layers-shifted/0").resolve(layer.getFileName()), copy);
        assertEquals("root:x:0:0::/:/bin/sh\n", Files.readString(copy.resolve("etc/passwd")));
        assertTrue(Files.isSymbolicLink(copy.resolve("etc/link")), "links stay links");
        assertEquals(uid(layer.resolve("etc/passwd")), uid(copy.resolve("etc/passwd")));
        Files.writeString(copy.resolve("marker"), "");
        assertEquals(copy, shifted.of(layer, 0));
        assertTrue(Files.exists(copy.resolve("marker")), "the cached copy is used again");

        shifted.remove(layer.getFileName().toString());
        assertFalse(Files.exists(copy));
        assertFalse(Files.exists(store.resolve("layers-shifted/0")), "no empty offset left");
        try (var left = Files.list(store.resolve("tmp"))) {
            assertEquals(0, left.count(), "nothing staged is left");
        }
    }
}
