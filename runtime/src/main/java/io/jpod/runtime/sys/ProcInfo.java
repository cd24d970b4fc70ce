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
        String[] fields = stat(pid);
        return fields == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[19]));
    }

    /**
     * Whether the process that had this start time still runs (a zombie counts as gone), from one
     * read of its stat: {@code ps} asks it of every container.
     */
    public static boolean alive(long pid, long startTime) {
        String[] fields = stat(pid);
        return fields != null && Long.parseLong(fields[19]) == startTime && !fields[0].equals("Z");
    }

    /** The fields of /proc/PID/stat after comm (state first); null when the process is gone. */
    private static String[] stat(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // comm may contain spaces and parentheses: count fields after the last ')'
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return rest.length > 19 ? rest : null;
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
