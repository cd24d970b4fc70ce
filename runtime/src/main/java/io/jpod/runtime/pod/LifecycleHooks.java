package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.probe.HttpGetProbe;
import io.jpod.runtime.probe.ProbeCheck;
import io.jpod.runtime.probe.ProbePlan;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.LifeFile;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.ExecResult;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * postStart and preStop, the kubelet's way: an exec through the OCI runtime, an HTTP GET from the
 * pod's network namespace (an httpGet probe's request), or a sleep. A failing postStart kills the
 * container, whose exit hook then applies the restart policy; preStop runs before the stop signal,
 * within the grace period.
 */
final class LifecycleHooks {

    /** The reason the kubelet gives a container whose postStart hook failed. */
    static final String FAILED_POST_START = "FailedPostStartHook";

    private final Runtime rt;

    LifecycleHooks(Runtime rt) {
        this.rt = rt;
    }

    static LifePlan plan(ContainerRecord c) {
        return c.spec() == null || c.spec().container() == null
                ? LifePlan.DEFAULT
                : c.spec().container().life();
    }

    /**
     * Kubernetes sets no deadline on a hook's HTTP request; one to a server that accepts and never
     * answers would hold the play, or the restart, for ever: past a minute it is a failed hook.
     */
    static final long POST_START_HTTP_TIMEOUT_MILLIS = 60_000;

    /**
     * Runs the postStart hook of a started container; false when it failed and the container was
     * killed for it. The container counts as started only once this returns.
     */
    boolean postStart(ContainerRecord c) throws IOException {
        LifePlan.Hook hook = plan(c).postStart();
        if (hook == null) {
            return true;
        }
        Path dir = dir(c);
        // not Running, for the kubelet, until postStart returns
        LifeFile.write(dir, LifeFile.read(dir).waitingFor(ContainerLife.CREATING));
        try {
            String failure = failure(c, hook);
            if (failure == null) {
                LifeFile.write(dir, LifeFile.read(dir).waitingFor(null));
                return true;
            }
            // written before the kill, so that the exit hook finds the reason
            LifeFile.write(dir, LifeFile.read(dir).failed(FAILED_POST_START, failure));
            rt.oci().kill(c.id(), "KILL");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted in the postStart hook of " + c.name(), e);
        }
    }

    /** Runs a postStart hook to its end; null when it passed, else the kubelet's message. */
    private String failure(ContainerRecord c, LifePlan.Hook hook)
            throws IOException, InterruptedException {
        if (hook.httpGet() != null) {
            String failed = httpGet(c, hook.httpGet(), POST_START_HTTP_TIMEOUT_MILLIS);
            return failed == null ? null : "HTTP lifecycle hook " + failed;
        }
        if (!hook.hasCommand()) {
            rt.processes().sleep(hook.sleepSeconds() * 1000);
            return null;
        }
        ExecResult r =
                rt.processes().run(rt.oci().execArgv(c.id(), false, List.of(), null, hook.exec()));
        if (r.ok()) {
            return null;
        }
        return "Exec lifecycle hook ("
                + hook.exec()
                + ") for container "
                + c.name()
                + " failed: exit code "
                + r.exitCode()
                + (r.errorText().isEmpty() ? "" : ", message: " + r.errorText());
    }

    /**
     * The hook's GET, made from the pod's network namespace as an httpGet probe's is; null when it
     * answered 2xx or 3xx, else "(GET URL) for container NAME failed: WHY".
     */
    private String httpGet(ContainerRecord c, ProbePlan.Action.HttpGet get, long timeoutMillis)
            throws InterruptedException {
        Optional<PodRecord> pod;
        try {
            pod = rt.state().pod(c.podId());
        } catch (IOException e) {
            pod = Optional.empty();
        }
        HttpGetProbe http = new HttpGetProbe(get);
        ProbeCheck.Target target =
                pod.map(p -> ProbeCheck.Target.of(p, c.id()))
                        .orElse(new ProbeCheck.Target(c.id(), null, "127.0.0.1"));
        String failed = "(GET " + http.url(target) + ") for container " + c.name() + " failed: ";
        if (pod.isEmpty()) {
            return failed + "its pod is gone";
        }
        try {
            int status = http.get(target, timeoutMillis);
            return HttpGetProbe.passes(status) ? null : failed + "HTTP status " + status;
        } catch (IOException e) {
            return failed + e.getMessage();
        }
    }

    /**
     * Runs the preStop hook within {@code budgetMillis}; returns the milliseconds it took, which
     * the grace period loses. Its failure does not keep the container from stopping: the kubelet
     * only reports it, as jpod does on stderr.
     */
    long preStop(ContainerRecord c, long budgetMillis) throws InterruptedException {
        LifePlan.Hook hook = plan(c).preStop();
        if (hook == null || budgetMillis <= 0) {
            return 0;
        }
        long start = rt.processes().nanoTime();
        if (hook.httpGet() != null) {
            String failed = httpGet(c, hook.httpGet(), budgetMillis);
            if (failed != null) {
                System.err.println("Warning: HTTP preStop hook " + failed);
            }
        } else if (!hook.hasCommand()) {
            rt.processes().sleep(Math.min(budgetMillis, hook.sleepSeconds() * 1000));
        } else {
            ProcessBuilder b =
                    new ProcessBuilder(
                                    rt.oci().execArgv(c.id(), false, List.of(), null, hook.exec()))
                            .redirectInput(new File("/dev/null"))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD);
            try {
                Process p = rt.processes().spawn(b);
                if (!p.waitFor(budgetMillis, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // a preStop hook that cannot run does not keep the container from stopping
                System.err.println("Warning: preStop hook of " + c.name() + ": " + e.getMessage());
            }
        }
        return (rt.processes().nanoTime() - start) / 1_000_000;
    }

    /** The container's life record file's directory. */
    Path dir(ContainerRecord c) {
        return rt.layout().containers().resolve(c.id());
    }

    ContainerLife life(ContainerRecord c) {
        return LifeFile.read(dir(c));
    }
}
