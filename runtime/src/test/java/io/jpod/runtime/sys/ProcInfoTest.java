package io.jpod.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void fieldsAreCountedFromTheLastParenthesisOfComm() {
        byte[] line =
                ("4242 (a) b (c) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 2"
                                + " 3\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(new ProcInfo.Stat('S', 987654), ProcInfo.parse(line, line.length));
        // cut before field 22, or before the state
        assertNull(ProcInfo.parse(line, 50));
        assertNull(ProcInfo.parse(line, 14));
    }
}
