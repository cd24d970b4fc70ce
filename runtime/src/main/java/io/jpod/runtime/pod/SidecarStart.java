package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.probe.ProbePlan;
import io.jpod.runtime.probe.StartupGate;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gate after a native sidecar is started, before the next init or app container: the sidecar
 * has started, as the kubelet means it. Its process runs (or has run already, and its restart is
 * the exit hook's business) and its postStart hook returned; with a startupProbe, the probe has
 * passed too. A sidecar whose startup probe fails failureThreshold times, or that exits before the
 * probe passed, fails the play or the start.
 */
final class SidecarStart {

    /**
     * runc start has returned before the gate: the process shows at once, or something is wrong.
     */
    private static final long PROCESS_DEADLINE_NANOS = 10_000_000_000L;

    private final Runtime rt;
    private final StartupGate gate;

    SidecarStart(Runtime rt) {
        this.rt = rt;
        this.gate = new StartupGate(rt);
    }

    /** Returns once {@code c}, a sidecar of {@code pod} whose postStart ran, has started. */
    void await(PodRecord pod, ContainerRecord c) throws IOException, PodException {
        Path exitFile = rt.layout().exits().resolve(c.id());
        long deadline = rt.processes().nanoTime() + PROCESS_DEADLINE_NANOS;
        try {
            while (!rt.processes().alive(c.pid(), c.pidStartTime()) && !Files.exists(exitFile)) {
                if (rt.processes().nanoTime() > deadline) {
                    throw new IOException("sidecar " + c.name() + " did not start");
                }
                rt.processes().sleep(20);
            }
            ProbePlan startup = startupProbe(c);
            if (startup == null) {
                return;
            }
            StartupGate.Verdict verdict =
                    gate.await(
                            pod,
                            c,
                            startup,
                            () ->
                                    Files.exists(exitFile)
                                            || !rt.processes().alive(c.pid(), c.pidStartTime()));
            if (!verdict.started()) {
                throw new PodException(
                        "sidecar "
                                + c.name().substring(pod.name().length() + 1)
                                + " of pod "
                                + pod.name()
                                + " did not start: "
                                + verdict.reason()
                                + " (see `jpod logs "
                                + c.name()
                                + "`)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + c.name(), e);
        }
    }

    private static ProbePlan startupProbe(ContainerRecord c) {
        return c.spec() == null || c.spec().container() == null
                ? null
                : c.spec().container().probes().startup();
    }
}
