package io.jpod.runtime.sys;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads /proc. A pid alone is not an identity (pids are reused), so live processes are recognised
 * by pid plus the start time the kernel records for them.
 */
public final class ProcInfo {

    private ProcInfo() {}

    /** Field 22 of /proc/PID/stat, in clock ticks since boot; empty when the process is gone. */
    public static OptionalLong startTime(long pid) {
        Stat stat = stat(pid);
        return stat == null ? OptionalLong.empty() : OptionalLong.of(stat.startTime());
    }

    /**
     * Whether the process that had this start time still runs (a zombie counts as gone), from one
     * read of its stat: {@code ps} asks it of every container.
     */
    public static boolean alive(long pid, long startTime) {
        Stat stat = stat(pid);
        return stat != null && stat.startTime() == startTime && stat.state() != 'Z';
    }

    /** What jpod reads of /proc/PID/stat: the state (field 3) and the start time (field 22). */
    record Stat(char state, long startTime) {}

    /** Null when the process is gone. */
    private static Stat stat(long pid) {
        if (pid <= 0) {
            return null;
        }
        // FileInputStream, not Files: ps reads a stat for each container, and in a cold JVM the
        // NIO path, channel and charset layers cost more than the read itself
        byte[] buf = new byte[1024];
        int n;
        try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
            n = in.readNBytes(buf, 0, buf.length);
        } catch (IOException e) {
            return null;
        }
        return parse(buf, n);
    }

    /**
     * The state and start time of a stat line, or null for one cut short. comm (field 2) may hold
     * spaces and parentheses, so fields are counted from the last ')'.
     */
    static Stat parse(byte[] b, int n) {
        int close = n - 1;
        while (close >= 0 && b[close] != ')') {
            close--;
        }
        int at = close + 2;
        if (close < 0 || at >= n) {
            return null;
        }
        char state = (char) b[at];
        for (int field = 3; field < 22; field++) {
            while (at < n && b[at] != ' ') {
                at++;
            }
            at++;
        }
        long start = 0;
        int digits = 0;
        for (; at < n && b[at] >= '0' && b[at] <= '9'; at++, digits++) {
            start = start * 10 + (b[at] - '0');
        }
        return digits == 0 ? null : new Stat(state, start);
    }

    public static long uid(long pid) throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid"))
                .longValue();
    }

    public static long selfUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self", e);
        }
    }

    /** Waits for a pid to disappear; false when it is still there at the deadline. */
    public static boolean awaitExit(long pid, long startTime, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long nap = 1;
        while (alive(pid, startTime)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(nap);
            nap = Processes.nextPoll(nap);
        }
        return true;
    }
}
