package io.jpod.runtime.sys;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The seam between jpod's logic and the host: the programs it drives, what /proc says of processes
 * it did not fork, signals to them, and the clock it waits by. The real implementation forks and
 * reads /proc; tests use a recording fake, with a table of processes and a clock that a sleep
 * moves, so that the order and arguments of helper calls and the escalation of a teardown are
 * checked without root, namespaces or real waiting.
 */
public interface Processes {

    /** Runs a program to completion, capturing its output. */
    ExecResult run(List<String> argv) throws IOException;

    /** Starts a program with a fully configured builder; the caller owns the process. */
    Process spawn(ProcessBuilder builder) throws IOException;

    /** Runs, and throws with the program's own error text when it fails. */
    default ExecResult check(List<String> argv) throws IOException {
        ExecResult result = run(argv);
        if (result.exitCode() != 0) {
            throw new IOException(
                    argv.getFirst()
                            + " failed (exit "
                            + result.exitCode()
                            + "): "
                            + result.errorText());
        }
        return result;
    }

    /** Field 22 of /proc/PID/stat: the process' start time; empty when it is gone. */
    OptionalLong startTime(long pid);

    /** Whether the process that had this start time still runs (a zombie counts as gone). */
    boolean alive(long pid, long startTime);

    /** /proc/PID/cmdline with NULs as spaces; empty when the process is gone or a zombie. */
    String cmdline(long pid);

    /** SIGTERM to a process jpod did not fork (a network helper left by another invocation). */
    void terminate(long pid);

    /** SIGKILL to such a process, when SIGTERM was not enough. */
    void kill(long pid);

    /** Any other signal to such a process; a process that is gone is not an error. */
    void signal(long pid, int signal);

    /** Monotonic time, as {@link System#nanoTime()}. */
    long nanoTime();

    void sleep(long millis) throws InterruptedException;

    /** Waits for a process to disappear; false when it still runs at the deadline. */
    default boolean awaitExit(long pid, long startTime, long millis) throws InterruptedException {
        long deadline = nanoTime() + millis * 1_000_000;
        long nap = 1;
        while (alive(pid, startTime)) {
            if (nanoTime() > deadline) {
                return false;
            }
            sleep(nap);
            nap = nextPoll(nap);
        }
        return true;
    }

    /**
     * The next pause of a poll for something that is usually quick (a signalled process dying): 1
     * ms doubling to 20, so that a stop waits a millisecond or two past the exit rather than half
     * of a fixed 20 ms, each step of a teardown one after the other.
     */
    static long nextPoll(long nap) {
        return Math.min(20, nap * 2);
    }
}
