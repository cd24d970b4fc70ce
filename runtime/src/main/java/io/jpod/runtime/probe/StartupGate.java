package io.jpod.runtime.probe;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import java.util.function.BooleanSupplier;

/**
 * A native sidecar's startup probe, run to its verdict on the caller's thread: the kubelet starts
 * the next init or app container only once a sidecar has started, and with a startupProbe that
 * means the probe passed. The play runs it itself, since the prober only probes pods that are fully
 * created; the probe is the prober's own ({@link ProbeChecks}, {@link ProbeWorker}), with its
 * initialDelaySeconds, periodSeconds, timeoutSeconds and thresholds.
 */
public final class StartupGate {

    /** How often the gate looks whether a probe is due or the sidecar has exited. */
    private static final long POLL_MILLIS = 100;

    private final Runtime rt;

    public StartupGate(Runtime rt) {
        this.rt = rt;
    }

    /**
     * What became of the sidecar: started, or not, with why ("startup probe exec [test -f /ready]
     * failed 3 times: ...", "exited before its startup probe passed").
     */
    public record Verdict(boolean started, String reason) {}

    /**
     * Probes {@code c}, a sidecar of {@code pod} started just now, until its startup probe {@code
     * plan} passes successThreshold times, fails failureThreshold times in a row, or {@code exited}
     * says the sidecar's process is gone.
     */
    public Verdict await(PodRecord pod, ContainerRecord c, ProbePlan plan, BooleanSupplier exited)
            throws InterruptedException {
        ProbeWorker worker =
                new ProbeWorker(ProbeWorker.Kind.STARTUP, plan, rt.processes().nanoTime());
        ProbeCheck check = ProbeChecks.of(plan.action(), rt);
        ProbeCheck.Target target = ProbeCheck.Target.of(pod, c.id());
        String last = "";
        while (true) {
            long now = rt.processes().nanoTime();
            if (worker.due(now)) {
                worker.begin(now);
                ProbeCheck.Outcome outcome = check.check(target, plan.timeoutSeconds());
                worker.record(outcome.success());
                last = outcome.output();
                if (worker.passing()) {
                    return new Verdict(true, "");
                }
                if (worker.failed()) {
                    return new Verdict(
                            false,
                            "startup probe "
                                    + plan.describe()
                                    + " failed "
                                    + plan.failureThreshold()
                                    + " times"
                                    + (last.isEmpty() ? "" : ": " + last));
                }
            }
            if (exited.getAsBoolean()) {
                return new Verdict(
                        false,
                        "exited before its startup probe "
                                + plan.describe()
                                + " passed"
                                + (last.isEmpty() ? "" : " (last result: " + last + ")"));
            }
            rt.processes().sleep(POLL_MILLIS);
        }
    }
}
