package io.jpod.runtime.state;

import java.time.Instant;

/**
 * What the kubelet would know of a container's life beyond its process: the back-off it is in, why
 * its current run failed to start properly, and how its previous run ended. Kept beside the
 * container (see {@link LifeFile}), not in the pod's record, because conmon's exit hook writes it
 * without the pod's lock; absent fields of an older file read as a fresh container's.
 *
 * @param backoffStep the restarts counted for the back-off (the first is immediate); reset once a
 *     run lasted 10 minutes
 * @param waiting {@code CrashLoopBackOff} while the back-off runs, else null
 * @param restartAt when the back-off ends
 * @param sleeperPid the detached {@code sleep} that restarts the container at {@link #restartAt}
 * @param failure why the current run was ended by jpod ({@code FailedPostStartHook}), or null
 * @param failureMessage what the failing hook said
 * @param last how the previous run ended, or null before the first restart
 */
public record ContainerLife(
        int backoffStep,
        String waiting,
        Instant restartAt,
        long sleeperPid,
        long sleeperStartTime,
        String failure,
        String failureMessage,
        Terminated last) {

    public static final String CRASH_LOOP = "CrashLoopBackOff";

    /** The kubelet's waiting reason while a started container's postStart hook runs. */
    public static final String CREATING = "ContainerCreating";

    public static final ContainerLife FRESH =
            new ContainerLife(0, null, null, 0, 0, null, null, null);

    /** One finished run, in the kubelet's terms. */
    public record Terminated(
            int exitCode, String reason, Instant startedAt, Instant finishedAt, String message) {}

    /** The kubelet's reason for an exit: Completed or Error, unless jpod ended the run itself. */
    public static String reason(int exitCode, String failure) {
        if (failure != null) {
            return failure;
        }
        return exitCode == 0 ? "Completed" : "Error";
    }

    public ContainerLife backingOff(int step, Instant until, Terminated previous) {
        return new ContainerLife(step, CRASH_LOOP, until, 0, 0, null, null, previous);
    }

    public ContainerLife withSleeper(long pid, long startTime) {
        return new ContainerLife(
                backoffStep, waiting, restartAt, pid, startTime, failure, failureMessage, last);
    }

    /** A new run begins: the back-off is over, its failure belongs to the previous run. */
    public ContainerLife running() {
        return new ContainerLife(backoffStep, null, null, 0, 0, null, null, last);
    }

    public ContainerLife restartedAfter(int step, Terminated previous) {
        return new ContainerLife(step, null, null, 0, 0, null, null, previous);
    }

    public ContainerLife failed(String reason, String message) {
        return new ContainerLife(
                backoffStep, null, restartAt, sleeperPid, sleeperStartTime, reason, message, last);
    }

    public ContainerLife waitingFor(String reason) {
        return new ContainerLife(
                backoffStep,
                reason,
                restartAt,
                sleeperPid,
                sleeperStartTime,
                failure,
                failureMessage,
                last);
    }
}
