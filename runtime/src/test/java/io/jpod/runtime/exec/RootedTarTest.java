package io.jpod.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.sys.ProcInfo;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tar streams out of and into a root, whose links never lead out of it. */
class RootedTarTest {

    @TempDir Path dir;

    private Path root;
    private Path outside;
    private final int uid = (int) ProcInfo.selfUid();

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.writeString(outside.resolve("secret"), "host's\n");
        Files.createSymbolicLink(root.resolve("evil"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createDirectories(root.resolve("data/sub"));
        Files.writeString(root.resolve("data/sub/a.txt"), "hello\n");
    }

    @Test
    void linksResolveInsideTheRoot() throws IOException {
        assertEquals(RootedTar.Kind.OTHER, RootedTar.kind(root, "/evil/passwd"));
        assertEquals(
                List.of("passwd=root:x:0:0::/root:/bin/sh\n"),
                entries(out("/evil/passwd", "passwd")));
        assertEquals(RootedTar.Kind.MISSING, RootedTar.kind(root, "/escape/secret"));
        assertThrows(IOException.class, () -> out("/escape/secret", "secret"));
        assertTrue(RootedTar.isDirectory(root, "/evil"));
        assertFalse(RootedTar.isDirectory(root, "/escape"));
    }

    @Test
    void directoriesGoRecursivelyAndLinksStayLinks() throws IOException {
        assertEquals(
                List.of("data/", "data/sub/", "data/sub/a.txt=hello\n"),
                entries(out("/data", "data")));
        assertEquals(List.of("sub/", "sub/a.txt=hello\n"), entries(out("/data/.", null)));
        assertEquals(List.of("evil->/etc"), entries(out("/evil", "evil")));
    }

    @Test
    void writesLandInsideTheRootAndNeverThroughALink() throws IOException {
        RootedTar.read(root, "/evil", tar("x", "new\n"), uid, uid);
        assertEquals("new\n", Files.readString(root.resolve("etc/x")));
        RootedTar.read(root, "/", tar("made/deep/y", "y\n"), uid, uid);
        assertEquals("y\n", Files.readString(root.resolve("made/deep/y")));

        assertThrows(
                IOException.class, () -> RootedTar.read(root, "/escape", tar("x", "no"), uid, uid));
        assertThrows(
                RootedTar.LinkRefused.class,
                () -> RootedTar.read(root, "/", tar("escape", "no"), uid, uid));
        assertThrows(
                RootedTar.LinkRefused.class,
                () -> RootedTar.read(root, "/", tar("escape/x", "no"), uid, uid));
        assertThrows(
                IOException.class,
                () -> RootedTar.read(root, "/data", tar("../../x", "no"), uid, uid));
        try (var files = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret")), files.toList());
        }
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private byte[] out(String path, String top) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RootedTar.write(root, path, top, bytes);
        return bytes.toByteArray();
    }

    private static List<String> entries(byte[] tar) throws IOException {
        List<String> out = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isSymbolicLink()) {
                    out.add(e.getName() + "->" + e.getLinkName());
                } else if (e.isFile()) {
                    out.add(
                            e.getName()
                                    + "="
                                    + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    out.add(e.getName());
                }
            }
        }
        return out;
    }

    private static ByteArrayInputStream tar(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(data.length);
            out.putArchiveEntry(e);
            out.write(data);
            out.closeArchiveEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
