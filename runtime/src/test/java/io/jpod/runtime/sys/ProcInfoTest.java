package io.jpod.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A process is its pid and its start time, read from the real /proc. */
class ProcInfoTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void thisProcessIsAliveWithItsOwnStartTimeOnly() {
        long started = ProcInfo.startTime(SELF).orElseThrow();
        assertTrue(ProcInfo.alive(SELF, started));
        assertFalse(ProcInfo.alive(SELF, started + 1));
    }

    @Test
    void noSuchProcessIsNotAlive() {
        assertTrue(ProcInfo.startTime(0).isEmpty());
        assertFalse(ProcInfo.alive(0, 0));
        // above the kernel's pid_max (2^22 at most)
        assertTrue(ProcInfo.startTime(1L << 23).isEmpty());
        assertFalse(ProcInfo.alive(1L << 23, 1));
    }

    @Test
    void anEndedChildIsNotAlive() throws Exception {
        Process child = new ProcessBuilder("true").start();
        long pid = child.pid();
        long started = ProcInfo.startTime(pid).orElse(-1);
        child.waitFor();
        assertFalse(ProcInfo.alive(pid, started));
    }
}
