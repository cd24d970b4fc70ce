package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Job controller's loop, run by the {@code play kube --wait} that plays the Job: at most {@code
 * parallelism} pods at once, one per completion index, until every index has succeeded. A pod that
 * fails under restartPolicy Never is replaced by a new one of the same name after the back-off;
 * under OnFailure the kubelet's restarts (conmon's hook) retry in place. Failed pods and container
 * restarts together count against backoffLimit; past it, or past activeDeadlineSeconds, the Job
 * fails and its running pods are stopped.
 */
public final class JobRun {

    private static final long POLL_MILLIS = 200;

    /** How the Job ended; {@code exitCode} is the failing container's, or 1 when there is none. */
    public record Result(
            boolean complete, String reason, int succeeded, int failed, int exitCode) {}

    private final Play play;
    private final Stop stop;
    private final Lookups lookups;
    private final Processes processes;
    private final long backoffBaseMillis;

    JobRun(Play play, Stop stop, Lookups lookups, Processes processes, long backoffBaseMillis) {
        this.play = play;
        this.stop = stop;
        this.lookups = lookups;
        this.processes = processes;
        this.backoffBaseMillis = backoffBaseMillis;
    }

    private enum Outcome {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** With {@code replace}, pods of the same names left by an earlier play are removed first. */
    Result run(JobPlan job, boolean replace, Consumer<PodRecord> played, Consumer<String> notices)
            throws JpodException, IOException {
        java.util.Set<Integer> attempted = new java.util.HashSet<>();
        long started = processes.nanoTime();
        Deque<Integer> pending = new ArrayDeque<>();
        for (int i = 0; i < job.completions(); i++) {
            pending.add(i);
        }
        Map<Integer, String> active = new LinkedHashMap<>();
        int succeeded = 0;
        int failedPods = 0;
        int lastExit = 1;
        long notBefore = 0;
        try {
            while (succeeded < job.completions()) {
                if (job.activeDeadlineSeconds() != null
                        && processes.nanoTime() - started
                                > job.activeDeadlineSeconds() * 1_000_000_000L) {
                    stopAll(active);
                    return new Result(false, "DeadlineExceeded", succeeded, failedPods, 1);
                }
                while (active.size() < job.parallelism()
                        && !pending.isEmpty()
                        && processes.nanoTime() >= notBefore) {
                    int index = pending.poll();
                    PodPlan plan = job.pods().get(index);
                    // a failed attempt of this index is replaced, as its new pod takes the name
                    PodRecord pod =
                            play.play(List.of(plan), replace || !attempted.add(index)).getFirst();
                    played.accept(pod);
                    active.put(index, pod.name());
                }
                int restarts = 0;
                for (var it = active.entrySet().iterator(); it.hasNext(); ) {
                    var entry = it.next();
                    PodRecord pod = lookups.pod(entry.getValue());
                    restarts +=
                            pod.containers().stream().mapToInt(ContainerRecord::restartCount).sum();
                    Outcome outcome = outcome(pod);
                    if (outcome == Outcome.SUCCEEDED) {
                        succeeded++;
                        it.remove();
                    } else if (outcome == Outcome.FAILED) {
                        failedPods++;
                        lastExit = failingExit(pod);
                        it.remove();
                        pending.addFirst(entry.getKey());
                        long delay = RestartRule.backoffMillis(failedPods, backoffBaseMillis);
                        notBefore = processes.nanoTime() + delay * 1_000_000;
                        notices.accept(
                                "Job "
                                        + job.name()
                                        + ": pod "
                                        + pod.name()
                                        + " failed (exit code "
                                        + lastExit
                                        + "), failure "
                                        + failedPods
                                        + " of backoffLimit "
                                        + job.backoffLimit());
                    }
                }
                if (failedPods + restarts > job.backoffLimit()) {
                    stopAll(active);
                    return new Result(
                            false, "BackoffLimitExceeded", succeeded, failedPods, lastExit);
                }
                if (succeeded < job.completions()) {
                    processes.sleep(POLL_MILLIS);
                }
            }
            return new Result(true, "Complete", succeeded, failedPods, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running Job " + job.name(), e);
        }
    }

    /**
     * A pod succeeds when every app container exited 0, and fails when one exited non-zero and the
     * restart policy will not run it again; sidecars do not count.
     */
    private Outcome outcome(PodRecord pod) {
        boolean allDone = true;
        for (ContainerRecord c : pod.containers()) {
            ContainerStatus s = lookups.status(c);
            if (s.running() || !"exited".equals(s.status())) {
                allDone = false;
            } else if (s.exitCode() != 0 && !RestartRule.restarts(pod.restartPolicy(), 1)) {
                return Outcome.FAILED;
            } else if (s.exitCode() != 0) {
                allDone = false;
            }
        }
        return allDone ? Outcome.SUCCEEDED : Outcome.RUNNING;
    }

    private int failingExit(PodRecord pod) {
        for (ContainerRecord c : pod.containers()) {
            int code = lookups.status(c).exitCode();
            if (code > 0) {
                return code;
            }
        }
        return 1;
    }

    private void stopAll(Map<Integer, String> active) throws JpodException, IOException {
        for (String name : active.values()) {
            stop.stop(name, null);
        }
    }
}
