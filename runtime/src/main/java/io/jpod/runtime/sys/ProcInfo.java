package io.jpod.runtime.sys;

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
    private record Stat(char state, long startTime) {}

    /** Null when the process is gone. */
    private static Stat stat(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // comm may contain spaces and parentheses: count fields after the last ')'
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Stat(rest[0].charAt(0), Long.parseLong(rest[19]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
        while (alive(pid, startTime)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
