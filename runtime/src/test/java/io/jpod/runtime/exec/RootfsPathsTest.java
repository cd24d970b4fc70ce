package io.jpod.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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

    @TempDir Path host;

    @Test
    void aWorkingDirThroughAnAbsoluteLinkIsMadeInsideTheRoot() throws Exception {
        // the image says /wd -> HOST (an absolute path that exists on the host too)
        Files.createSymbolicLink(rootfs.resolve("wd"), host);
        Path made = RootfsPaths.directoryInside(rootfs, "/wd/sub");
        assertFalse(Files.exists(host.resolve("sub")), "nothing is made on the host");
        Path inside = rootfs.resolve(host.toString().substring(1)).resolve("sub");
        assertEquals(inside, made);
        assertTrue(Files.isDirectory(inside, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void relativeLinksStopAtTheRoot() throws Exception {
        Files.createDirectories(rootfs.resolve("srv"));
        Files.createSymbolicLink(rootfs.resolve("srv/up"), Path.of("../../../../../../tmp/x"));
        Path made = RootfsPaths.directoryInside(rootfs, "srv/up/sub/../deeper");
        assertEquals(rootfs.resolve("tmp/x/deeper"), made);
        assertTrue(Files.isDirectory(made));
    }

    @Test
    void existingDirectoriesAreKeptAndTheRootIsTheRoot() throws Exception {
        assertEquals(rootfs.resolve("usr/bin"), RootfsPaths.directoryInside(rootfs, "/usr//bin/"));
        assertEquals(rootfs, RootfsPaths.directoryInside(rootfs, "/"));
    }

    @Test
    void loopingLinksAndFilesOnTheWayAreErrors() throws Exception {
        Files.createSymbolicLink(rootfs.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(rootfs.resolve("b"), Path.of("/a"));
        IOException loop =
                assertThrows(IOException.class, () -> RootfsPaths.directoryInside(rootfs, "/a/x"));
        assertTrue(
                loop.getMessage().contains("too many levels of symbolic links"), loop.getMessage());
        IOException file =
                assertThrows(
                        IOException.class,
                        () -> RootfsPaths.directoryInside(rootfs, "/bin/busybox/x"));
        assertEquals("/bin/busybox is not a directory", file.getMessage());
    }

    @Test
    void beneathRefusesEveryLinkAndMakesWhatIsMissing() throws Exception {
        Files.createSymbolicLink(rootfs.resolve("out"), host);
        Files.createSymbolicLink(rootfs.resolve("usr/in"), Path.of("bin"));
        for (String path : List.of("out", "out/x", "usr/in/x")) {
            assertThrows(RootfsPaths.LinkRefused.class, () -> RootfsPaths.beneath(rootfs, path));
        }
        assertFalse(Files.exists(host.resolve("x")));
        assertEquals(rootfs.resolve("data/sub"), RootfsPaths.beneath(rootfs, "data/sub"));
        assertTrue(Files.isDirectory(rootfs.resolve("data/sub")));
        assertEquals(rootfs.resolve("bin/busybox"), RootfsPaths.beneath(rootfs, "bin/busybox"));
    }

    @Test
    void filesAreReadThroughLinksInsideTheRoot() throws Exception {
        Files.writeString(host.resolve("passwd"), "host:x:0:0::/:/bin/sh\n");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), host.resolve("passwd"));
        assertEquals(Optional.empty(), RootfsPaths.readLines(rootfs, "/etc/passwd"));
        Path inside = rootfs.resolve(host.toString().substring(1));
        Files.createDirectories(inside);
        Files.writeString(inside.resolve("passwd"), "app:x:1000:1000::/:/bin/sh\n");
        assertEquals(
                Optional.of(List.of("app:x:1000:1000::/:/bin/sh")),
                RootfsPaths.readLines(rootfs, "/etc/passwd"));
        assertEquals(Optional.empty(), RootfsPaths.readLines(rootfs, "/usr"));
    }
}
