package io.jpod.runtime.net;

import io.jpod.runtime.sys.Processes;

import java.io.IOException;

/**
 * Stops a pod's user-mode network helper (slirp4netns or pasta) and waits for it to be gone, so
 * that its hostPorts are free again when teardown returns.
 */
public final class NetworkHelper {

    private static final long GRACE_MILLIS = 5_000;

    private NetworkHelper() {}

    /** SIGTERM, then SIGKILL if it is still there after a grace period; gone already is fine. */
    public static void stop(Processes processes, long pid, long startTime) throws IOException {
        stop(processes, pid, startTime, GRACE_MILLIS);
    }

    static void stop(Processes processes, long pid, long startTime, long graceMillis)
            throws IOException {
        try {
            for (boolean force : new boolean[] {false, true}) {
                if (pid <= 0 || !processes.alive(pid, startTime)) {
                    return;
                }
                if (force) {
                    processes.kill(pid);
                } else {
                    processes.terminate(pid);
                }
                if (processes.awaitExit(pid, startTime, graceMillis)) {
                    return;
                }
            }
            throw new IOException("network helper " + pid + " did not die after SIGKILL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping network helper " + pid, e);
        }
    }
}
