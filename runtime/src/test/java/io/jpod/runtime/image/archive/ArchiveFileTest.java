package io.jpod.runtime.image.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.layer.TarBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class ArchiveFileTest {

    @TempDir Path dir;

    private ArchiveFile open(byte[] tar) throws Exception {
        return ArchiveFile.open(Files.write(dir.resolve("a.tar"), tar), dir.resolve("tmp"));
    }

    @Test
    void followsLinksInsideTheArchiveAsDockerSaveWritesThem() throws Exception {
        byte[] tar =
                new TarBuilder()
                        .file("./one/layer.tar", "layer")
                        .symlink("two/layer.tar", "../one/layer.tar")
                        .hardlink("three", "one/layer.tar")
                        .tar();
        try (ArchiveFile archive = open(tar)) {
            assertTrue(archive.contains("one/layer.tar"));
            for (String name : List.of("one/layer.tar", "two/layer.tar", "three")) {
                try (InputStream in = archive.open(name)) {
                    assertArrayEquals("layer".getBytes(), in.readAllBytes(), name);
                }
            }
        }
    }

    @Test
    void neverFollowsALinkOutOfTheArchive() throws Exception {
        byte[] tar =
                new TarBuilder()
                        .symlink("abs", "/etc/passwd")
                        .symlink("up", "../../etc/passwd")
                        .symlink("loop", "loop")
                        .dir("d/")
                        .tar();
        try (ArchiveFile archive = open(tar)) {
            for (String name : List.of("abs", "up", "loop", "d", "missing")) {
                assertThrows(ArchiveException.class, () -> archive.open(name), name);
            }
        }
    }

    @Test
    void readsAGzippedArchiveThroughATemporaryCopyItRemoves() throws Exception {
        try (ArchiveFile archive = open(new TarBuilder().file("index.json", "{}").gzip())) {
            assertArrayEquals("{}".getBytes(), archive.read("index.json", 100));
            assertThrows(ArchiveException.class, () -> archive.read("index.json", 1), "too large");
        }
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void refusesWhatIsNotATar() throws Exception {
        assertThrows(
                ArchiveException.class,
                () -> open(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0}));
    }
}
