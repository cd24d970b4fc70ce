package io.jpod.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.sys.ExecResult;
import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class MountsTest {

    private final RecordingProcesses processes = new RecordingProcesses();

    private static final List<String> MOUNTINFO =
            List.of(
                    "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
                    "90 22 0:50 / /home/a\\040b/merged rw,relatime - overlay overlay rw,lowerdir=x",
                    "91 22 0:51 / /tmp/x rw - tmpfs tmpfs rw",
                    "92 91 0:52 / /tmp/x/y/z rw - tmpfs tmpfs rw",
                    "93 22 0:53 / /tmp/xy rw - tmpfs tmpfs rw");

    @Test
    void mountPointsAreFoundInMountinfoIncludingEscapedNames() {
        assertTrue(Mounts.isMountPoint(Path.of("/"), MOUNTINFO));
        assertTrue(Mounts.isMountPoint(Path.of("/tmp/y/../x"), MOUNTINFO));
        // the kernel escapes a space as \040: a data dir with a space in its path must still be
        // recognised
        assertTrue(Mounts.isMountPoint(Path.of("/home/a b/merged"), MOUNTINFO));
        assertFalse(Mounts.isMountPoint(Path.of("/home/a\\040b/merged"), MOUNTINFO));
        assertFalse(Mounts.isMountPoint(Path.of("/tmp"), MOUNTINFO));
    }

    @Test
    void mountPointsUnderADirectoryComeDeepestFirstAndStopAtItsName() {
        assertEquals(
                List.of(Path.of("/tmp/x/y/z"), Path.of("/tmp/x")),
                Mounts.mountPointsUnder(Path.of("/tmp/x"), MOUNTINFO));
        assertEquals(List.of(), Mounts.mountPointsUnder(Path.of("/srv"), MOUNTINFO));
    }

    @Test
    void unmountFallsBackToLazy() throws Exception {
        Path merged = Path.of("/tmp/c/merged");
        new Mounts(processes).unmountMounted(merged);
        assertEquals(List.of(List.of("umount", merged.toString())), processes.calls());
        processes.fail("umount", 32, "target is busy");
        processes.answer(List.of("umount", "-l"), new ExecResult(0, "", ""));
        new Mounts(processes).unmountMounted(merged);
        assertEquals(List.of("umount", "-l", merged.toString()), processes.calls().getLast());
    }

    @Test
    void tmpfsIsMountedWithItsOptions() throws Exception {
        new Mounts(processes).tmpfs(Path.of("/tmp/v"), "mode=1777");
        assertEquals(
                List.of(List.of("mount", "-t", "tmpfs", "tmpfs", "-o", "mode=1777", "/tmp/v")),
                processes.calls());
    }
}
