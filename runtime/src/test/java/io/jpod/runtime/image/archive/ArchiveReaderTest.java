package io.jpod.runtime.image.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.layer.TarBuilder;
import io.jpod.runtime.image.oci.Platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ArchiveReaderTest {

    @TempDir Path dir;

    final TestImage image =
            new TestImage(
                    TestImage.cmd("x"),
                    new TarBuilder().file("a", "a").tar(),
                    new TarBuilder().file("b", "b").tar());

    private List<ArchivedImage> read(byte[] tar) throws Exception {
        try (ArchiveFile archive =
                ArchiveFile.open(Files.write(dir.resolve("a.tar"), tar), dir.resolve("tmp"))) {
            List<ArchivedImage> images = ArchiveReader.read(archive, Platform.host());
            for (ArchivedImage i : images) {
                for (ArchivedLayer layer : i.layers()) {
                    try (InputStream in = layer.open()) {
                        in.readAllBytes();
                    }
                }
            }
            return images;
        }
    }

    @Test
    void readsALegacyDockerArchive() throws Exception {
        ArchivedImage read = read(image.dockerArchive(List.of("busybox:latest"), false)).getFirst();
        assertEquals(List.of("busybox:latest"), read.names());
        assertFalse(read.unqualifiedNamesAreLocal());
        assertArrayEquals(image.config(), read.config());
        assertEquals(image.id(), read.configDigest().toString());
        assertEquals(
                List.of("layer0/layer.tar", "layer1/layer.tar"),
                read.layers().stream().map(ArchivedLayer::path).toList());
        assertEquals(Optional.empty(), read.layers().getFirst().digest());
    }

    @Test
    void readsADocker25ArchiveWithBlobPaths() throws Exception {
        ArchivedImage read = read(image.dockerArchive(List.of(), true)).getFirst();
        assertEquals(List.of(), read.names());
        assertEquals(
                image.diffIds(),
                read.layers().stream().map(l -> l.digest().orElseThrow().toString()).toList());
    }

    @Test
    void aDockerConfigThatDoesNotMatchItsNameIsRejected() throws Exception {
        byte[] archive = image.dockerArchive(List.of(), false);
        String hex = Digest.of(image.config()).hex();
        byte[] renamed =
                new String(archive, StandardCharsets.ISO_8859_1)
                        .replace(hex, "0".repeat(64))
                        .getBytes(StandardCharsets.ISO_8859_1);
        ArchiveException e = assertThrows(ArchiveException.class, () -> read(renamed));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void readsAnOciArchive() throws Exception {
        ArchivedImage read =
                read(image.gzipLayers()
                                .ociArchive(Map.of("org.opencontainers.image.ref.name", "v1")))
                        .getFirst();
        assertEquals(List.of("v1"), read.names());
        assertTrue(read.unqualifiedNamesAreLocal());
        assertEquals(image.id(), read.configDigest().toString());
        assertEquals(2, read.layers().size());
    }

    @Test
    void anOciManifestWhoseContentDoesNotMatchItsDigestIsRejected() throws Exception {
        byte[] archive = image.ociArchive(Map.of());
        String text = new String(archive, StandardCharsets.ISO_8859_1);
        // change the manifest's schemaVersion: same size, other digest
        byte[] tampered =
                text.replace(
                                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"",
                                "{\"schemaVersion\":3,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"")
                        .getBytes(StandardCharsets.ISO_8859_1);
        ArchiveException e = assertThrows(ArchiveException.class, () -> read(tampered));
        assertTrue(e.getMessage().contains("does not match its digest"), e.getMessage());
    }

    @Test
    void aNestedIndexWithoutThisPlatformIsRejected() throws Exception {
        TestImage other =
                new TestImage(TestImage.cmd("arm"), new TarBuilder().file("c", "c").tar());
        byte[] archive =
                image.ociArchiveWithNestedIndex(
                        Map.of(), other, new Platform("linux", "s390x", null));
        ArchiveException e = assertThrows(ArchiveException.class, () -> read(archive));
        assertTrue(
                e.getMessage().contains("no image for linux/" + Platform.host().architecture()),
                e.getMessage());
    }
}
