package io.jpod.runtime.probe;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The probes of one run of one container, with the kubelet's gating: while a startup probe has not
 * passed, liveness and readiness wait; once it has, it runs no more. A restarted container gets a
 * new one.
 */
final class ContainerProber {

    /** podman keeps the last five results of a health check. */
    static final int LOG_SIZE = 5;

    private final String containerId;
    private final long pidStartTime;
    private final ProbeWorker liveness;
    private final ProbeWorker readiness;
    private final ProbeWorker startup;
    private final Deque<HealthLog> log = new ArrayDeque<>();
    private boolean killed;

    /** {@code startedAt}: when the container started, in monotonic nanoseconds. */
    ContainerProber(String containerId, long pidStartTime, ContainerProbes probes, long startedAt) {
        this.containerId = containerId;
        this.pidStartTime = pidStartTime;
        this.liveness = worker(ProbeWorker.Kind.LIVENESS, probes.liveness(), startedAt);
        this.readiness = worker(ProbeWorker.Kind.READINESS, probes.readiness(), startedAt);
        this.startup = worker(ProbeWorker.Kind.STARTUP, probes.startup(), startedAt);
    }

    /**
     * Goes on from what a previous round wrote of this very run of the container: its probes'
     * progress, whether it is being killed, and its log.
     */
    void resume(ContainerHealth.Progress progress, List<HealthLog> previous, long now) {
        killed = progress.killed();
        resume(liveness, progress.liveness(), now);
        resume(readiness, progress.readiness(), now);
        resume(startup, progress.startup(), now);
        log.clear();
        log.addAll(previous);
    }

    private static void resume(ProbeWorker w, ProbeProgress p, long now) {
        if (w != null && p != null) {
            w.resume(p, now);
        }
    }

    /** Whether it is being killed for a failed probe. */
    boolean killed() {
        return killed;
    }

    /** The probe whose failure has it killed, if one failed. */
    ProbeWorker failedProbe() {
        for (ProbeWorker w : workers()) {
            if (w.failed()) {
                return w;
            }
        }
        return null;
    }

    /** Whether a probe of it runs now. */
    boolean busy() {
        for (ProbeWorker w : workers()) {
            if (w.running()) {
                return true;
            }
        }
        return false;
    }

    /**
     * When its next probe is due ({@link Long#MAX_VALUE}: none, as for a container being killed):
     * the startup probe's until it passes, then the earlier of liveness' and readiness'.
     */
    long nextDue() {
        if (killed) {
            return Long.MAX_VALUE;
        }
        if (!started()) {
            return startup.nextAt();
        }
        long next = Long.MAX_VALUE;
        for (ProbeWorker w : new ProbeWorker[] {liveness, readiness}) {
            if (w != null) {
                next = Math.min(next, w.nextAt());
            }
        }
        return next;
    }

    private List<ProbeWorker> workers() {
        List<ProbeWorker> all = new ArrayList<>(3);
        for (ProbeWorker w : new ProbeWorker[] {liveness, readiness, startup}) {
            if (w != null) {
                all.add(w);
            }
        }
        return all;
    }

    private static ProbeWorker worker(ProbeWorker.Kind kind, ProbePlan plan, long startedAt) {
        return plan == null ? null : new ProbeWorker(kind, plan, startedAt);
    }

    String containerId() {
        return containerId;
    }

    long pidStartTime() {
        return pidStartTime;
    }

    /** The probes to begin now; none once the container is being killed. */
    List<ProbeWorker> due(long now) {
        List<ProbeWorker> due = new ArrayList<>();
        if (killed) {
            return due;
        }
        if (!started()) {
            if (startup.due(now)) {
                due.add(startup);
            }
            return due;
        }
        for (ProbeWorker w : new ProbeWorker[] {liveness, readiness}) {
            if (w != null && w.due(now)) {
                due.add(w);
            }
        }
        return due;
    }

    /** Records a run; returns the probe whose failure means the container is to be killed, once. */
    ProbeWorker record(ProbeWorker w, ProbeCheck.Outcome outcome, Instant start, Instant end) {
        w.record(outcome.success());
        String output = w.kind().label() + " probe: " + outcome.output();
        if (output.length() > ExecProbe.OUTPUT_LIMIT) {
            output = output.substring(0, ExecProbe.OUTPUT_LIMIT);
        }
        log.addLast(new HealthLog(start, end, outcome.exitCode(), output));
        while (log.size() > LOG_SIZE) {
            log.removeFirst();
        }
        if (!killed && w.failed()) {
            killed = true;
            return w;
        }
        return null;
    }

    boolean started() {
        return startup == null || startup.passing();
    }

    /** Running, started and, with a readiness probe, passing it. */
    boolean ready() {
        return !killed && started() && (readiness == null || readiness.passing());
    }

    String status() {
        if (killed || (liveness != null && !liveness.passing())) {
            return ContainerHealth.UNHEALTHY;
        }
        if (!started()) {
            return ContainerHealth.STARTING;
        }
        if (readiness != null) {
            if (!readiness.decided()) {
                return ContainerHealth.STARTING;
            }
            return readiness.passing() ? ContainerHealth.HEALTHY : ContainerHealth.UNHEALTHY;
        }
        return log.isEmpty() && startup == null
                ? ContainerHealth.STARTING
                : ContainerHealth.HEALTHY;
    }

    int failingStreak() {
        int streak = 0;
        for (ProbeWorker w : workers()) {
            streak = Math.max(streak, w.failures());
        }
        return streak;
    }

    ContainerHealth health() {
        return new ContainerHealth(
                containerId,
                pidStartTime,
                status(),
                failingStreak(),
                started(),
                ready(),
                List.copyOf(log),
                new ContainerHealth.Progress(
                        killed, progress(liveness), progress(readiness), progress(startup)));
    }

    private static ProbeProgress progress(ProbeWorker w) {
        return w == null ? null : w.progress();
    }
}
