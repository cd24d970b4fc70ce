package io.jpod.runtime.image.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class DigestTest {

    private static final String EMPTY =
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void parsesAndPrintsSha256Only() {
        assertEquals(EMPTY, Digest.parse(EMPTY).toString());
        assertEquals(Digest.parse(EMPTY), Digest.of(new byte[0]));
        assertThrows(
                IllegalArgumentException.class, () -> Digest.parse("sha512:" + "a".repeat(128)));
        assertThrows(
                IllegalArgumentException.class, () -> Digest.parse("sha256:" + "A".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> Digest.parse("sha256:../../etc"));
    }

    @Test
    void hashesEverythingReadSkippedOrDrained() throws Exception {
        byte[] content = "0123456789".getBytes();
        HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(content));
        in.read();
        in.skip(3);
        in.read(new byte[2]);
        in.drain();
        assertEquals(Digest.of(content), in.digest());
        assertEquals(10, in.size());
    }

    @Test
    void storesBlobsUnderTheirDigest(@TempDir Path root) throws Exception {
        BlobStore blobs = new BlobStore(root.resolve("blobs"), root.resolve("tmp"));
        Digest digest = blobs.put("{}".getBytes());
        assertEquals(root.resolve("blobs/sha256/" + digest.hex()), blobs.path(digest));
        assertArrayEquals("{}".getBytes(), blobs.read(digest));
        assertEquals(List.of(digest), blobs.list());

        Files.writeString(blobs.path(digest), "tampered");
        assertThrows(java.io.IOException.class, () -> blobs.read(digest));
        blobs.delete(digest);
        assertEquals(List.of(), blobs.list());
    }
}
