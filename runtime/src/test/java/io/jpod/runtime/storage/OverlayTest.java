package io.jpod.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class OverlayTest {

    @TempDir Path dir;

    private final RecordingProcesses processes = new RecordingProcesses();
    private final List<Path> lowers = List.of(Path.of("/layers/top"), Path.of("/layers/base"));

    private String options() {
        return "lowerdir=/layers/top:/layers/base,upperdir="
                + dir.resolve("upper")
                + ",workdir="
                + dir.resolve("work");
    }

    @Test
    void kernelMountInAUserNamespaceUsesUserxattr() throws Exception {
        assertEquals(Overlay.Driver.KERNEL, new Overlay(processes, true).mount(lowers, dir));
        assertEquals(
                List.of(
                        List.of(
                                "mount",
                                "-t",
                                "overlay",
                                "overlay",
                                "-o",
                                "userxattr," + options(),
                                dir.resolve("merged").toString())),
                processes.calls());
        assertTrue(
                Files.isDirectory(dir.resolve("upper")) && Files.isDirectory(dir.resolve("work")));
        assertEquals("KERNEL", Files.readString(dir.resolve("driver")));
    }

    @Test
    void kernelMountAsRootHasNoUserxattr() throws Exception {
        new Overlay(processes, false).mount(lowers, dir);
        assertEquals("-o", processes.calls().getFirst().get(4));
        assertEquals(options(), processes.calls().getFirst().get(5));
    }

    @Test
    void fallsBackToFuseWhenTheKernelRefuses() throws Exception {
        processes.fail("mount", 32, "mount: permission denied");
        assertEquals(Overlay.Driver.FUSE, new Overlay(processes, true).mount(lowers, dir));
        assertEquals(
                List.of("fuse-overlayfs", "-o", options(), dir.resolve("merged").toString()),
                processes.calls().get(1));
        assertEquals("FUSE", Files.readString(dir.resolve("driver")));
    }

    @Test
    void aFuseUpperStaysFuseEvenWhenTheKernelWouldWork() throws Exception {
        Files.writeString(dir.resolve("driver"), "FUSE\n");
        assertEquals(Overlay.Driver.FUSE, new Overlay(processes, true).mount(lowers, dir));
        assertEquals(1, processes.calls().size());
        assertEquals("fuse-overlayfs", processes.calls().getFirst().getFirst());
    }

    @Test
    void aKernelUpperIsNeverSwitchedToFuse() throws Exception {
        // switching drivers on one upper directory corrupts it: a failed remount is an error
        Files.writeString(dir.resolve("driver"), "KERNEL");
        processes.fail("mount", 32, "mount: wrong fs type");
        IOException e =
                assertThrows(
                        IOException.class, () -> new Overlay(processes, true).mount(lowers, dir));
        assertTrue(e.getMessage().contains("mount: wrong fs type"), e.getMessage());
        assertEquals(List.of(), processes.calls("fuse-overlayfs"));
        assertEquals("KERNEL", Files.readString(dir.resolve("driver")));
    }

    @Test
    void fuseFailureIsReported() {
        processes.fail("mount", 32, "denied").fail("fuse-overlayfs", 1, "fuse: device not found");
        IOException e =
                assertThrows(
                        IOException.class, () -> new Overlay(processes, true).mount(lowers, dir));
        assertTrue(e.getMessage().contains("fuse: device not found"), e.getMessage());
        assertFalse(
                Files.exists(dir.resolve("driver")),
                "nothing remembered for a mount that never happened");
    }

    @Test
    void unmountOfSomethingNotMountedRunsNothing() throws Exception {
        new Overlay(processes, true).unmount(dir);
        assertEquals(List.of(), processes.calls());
    }

    @Test
    void theRealMountTableKnowsTheRoot() throws Exception {
        assertTrue(Overlay.isMountPoint(Path.of("/")));
        assertFalse(Overlay.isMountPoint(dir));
    }
}
