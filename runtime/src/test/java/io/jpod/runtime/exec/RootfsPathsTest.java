package io.jpod.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

class RootfsPathsTest {

    private static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    @TempDir Path rootfs;

    private Path busybox;

    @BeforeEach
    void image() throws Exception {
        Files.createDirectories(rootfs.resolve("bin"));
        Files.createDirectories(rootfs.resolve("usr/bin"));
        busybox = Files.writeString(rootfs.resolve("bin/busybox"), "ELF");
        Files.setPosixFilePermissions(busybox, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path found(String program) throws Exception {
        return RootfsPaths.lookPath(rootfs, program, PATH).orElseThrow().hostPath();
    }

    @Test
    void searchesPathInOrder() throws Exception {
        Path usrSh = Files.writeString(rootfs.resolve("usr/bin/sh"), "x");
        Files.setPosixFilePermissions(usrSh, PosixFilePermissions.fromString("r-x------"));
        Files.copy(usrSh, rootfs.resolve("bin/sh"));
        assertEquals(usrSh, found("sh"));
        assertEquals(busybox, found("busybox"));
        assertEquals(Optional.empty(), RootfsPaths.lookPath(rootfs, "busybox", "/usr/bin::/sbin"));
    }

    @Test
    void absoluteSymlinksResolveInsideTheRootfs() throws Exception {
        // on the host /bin/busybox may not exist, or be another file: the container's is meant
        Files.createSymbolicLink(rootfs.resolve("usr/bin/sh"), Path.of("/bin/busybox"));
        RootfsPaths.Found f = RootfsPaths.lookPath(rootfs, "sh", "/usr/bin").orElseThrow();
        assertEquals(busybox, f.hostPath());
        assertTrue(f.executable());
    }

    @Test
    void relativeSymlinksResolveFromTheLinksDirectory() throws Exception {
        Files.createSymbolicLink(rootfs.resolve("usr/bin/ls"), Path.of("../../bin/busybox"));
        assertEquals(busybox, found("ls"));
        // a symlinked directory on the way
        Files.createSymbolicLink(rootfs.resolve("sbin"), Path.of("bin"));
        assertEquals(
                busybox, RootfsPaths.lookPath(rootfs, "busybox", "/sbin").orElseThrow().hostPath());
    }

    @Test
    void dotDotStopsAtTheRootfs() throws Exception {
        Files.createSymbolicLink(
                rootfs.resolve("usr/bin/escape"), Path.of("../../../../../../bin/busybox"));
        assertEquals(busybox, found("escape"));
        assertEquals(busybox, found("/../../bin/busybox"));
    }

    @Test
    void symlinkLoopsEndAsNotFound() throws Exception {
        Files.createSymbolicLink(rootfs.resolve("usr/bin/a"), Path.of("b"));
        Files.createSymbolicLink(rootfs.resolve("usr/bin/b"), Path.of("a"));
        assertEquals(Optional.empty(), RootfsPaths.lookPath(rootfs, "a", PATH));
    }

    @Test
    void aFileWithoutExecuteBitsIsFoundButNotExecutable() throws Exception {
        Path text = Files.writeString(rootfs.resolve("usr/bin/notes"), "x");
        Files.setPosixFilePermissions(text, PosixFilePermissions.fromString("rw-r--r--"));
        RootfsPaths.Found f = RootfsPaths.lookPath(rootfs, "notes", PATH).orElseThrow();
        assertEquals(text, f.hostPath());
        assertFalse(f.executable());
        assertFalse(
                RootfsPaths.lookPath(rootfs, "/usr/bin", PATH).orElseThrow().executable(),
                "a directory");
    }

    @Test
    void missingIsEmpty() throws Exception {
        assertEquals(Optional.empty(), RootfsPaths.lookPath(rootfs, "nope", PATH));
        assertEquals(Optional.empty(), RootfsPaths.lookPath(rootfs, "/bin/busybox/x", PATH));
        Files.createSymbolicLink(rootfs.resolve("usr/bin/dangling"), Path.of("/nowhere"));
        assertEquals(Optional.empty(), RootfsPaths.lookPath(rootfs, "dangling", PATH));
    }
}
