package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.probe.Prober;
import io.jpod.runtime.probe.ProberProcess;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.LifeFile;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * conmon's exit hook: records how the run ended and applies the restart policy with the kubelet's
 * back-off. While the back-off runs no JVM waits: the hook leaves a detached {@code sleep} (a
 * shell, ~1 MB) that runs {@code container-exited --after-backoff} when it is over, and the
 * container's life record says CrashLoopBackOff meanwhile. conmon waits for its hook and teardown
 * waits for conmon, so the hook never blocks on a pod lock: while the pod's lock is taken it looks
 * again until the pod is free or no longer running.
 */
final class ContainerExited {

    private static final long RETRY_MILLIS = 50;

    /** The hidden option of {@link ContainerCreator#EXIT_HOOK_VERB} the back-off's sleeper runs. */
    static final String AFTER_BACKOFF = "--after-backoff";

    private final Runtime rt;
    private final Lookups lookups;
    private final ContainerCreator creator;
    private final Layers layers;
    private final LifecycleHooks hooks;
    private final PodTeardown teardown;
    private final long baseMillis;

    ContainerExited(
            Runtime rt,
            Lookups lookups,
            ContainerCreator creator,
            Layers layers,
            PodTeardown teardown,
            Map<String, String> env) {
        this.teardown = teardown;
        this.rt = rt;
        this.lookups = lookups;
        this.creator = creator;
        this.layers = layers;
        this.hooks = new LifecycleHooks(rt);
        this.baseMillis = RestartRule.baseMillis(env);
    }

    /** Returns what it did, for conmon's log. */
    String handle(String id) throws IOException, PodException {
        Optional<Located> exited = lookups.findContainer(id);
        if (exited.isEmpty()) {
            return "container " + id + " is gone";
        }
        if (exited.get().pod().phase() == PodPhase.CREATING) {
            try {
                exited = afterCreation(exited.get().pod().id(), id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            if (exited.isEmpty()) {
                return "the pod of container " + id + " was not made: not restarting";
            }
        }
        PodRecord pod = exited.get().pod();
        ContainerRecord c = exited.get().container();
        if (pod.phase() != PodPhase.CREATED) {
            // stopped or being removed: conmon waits for this hook, so answer at once
            return "pod " + pod.name() + " is " + pod.phase() + ": not restarting";
        }
        if (c.stoppedByUser()) {
            return c.name() + " was stopped by the user: not restarting";
        }
        ContainerStatus status = lookups.status(c);
        Path dir = hooks.dir(c);
        ContainerLife life = LifeFile.read(dir);
        ContainerLife.Terminated run = terminated(c, status, life);
        String policy = policy(pod, c);
        if (!RestartRule.restarts(policy, status.exitCode())) {
            String done = "restartPolicy " + policy + ": not restarting " + c.name();
            return appsFinished(pod) ? done + "; " + stopSidecars(pod) : done;
        }
        int step = ranLong(c, status) ? 0 : life.backoffStep();
        long delay = RestartRule.backoffMillis(step, baseMillis);
        if (delay == 0) {
            LifeFile.write(dir, life.restartedAfter(step + 1, run));
            try {
                return restartLocked(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        Instant until = Instant.now().plusMillis(delay);
        LifeFile.write(dir, life.backingOff(step + 1, until, run));
        Process sleeper = sleeper(pod, c, delay);
        LifeFile.write(
                dir,
                LifeFile.read(dir)
                        .withSleeper(
                                sleeper.pid(), rt.processes().startTime(sleeper.pid()).orElse(0)));
        return "back-off " + delay + " ms restarting failed container " + c.name();
    }

    /**
     * A container can exit while {@code play} is still making its pod (a sidecar while the next
     * init container runs, an app container while a sibling's postStart hook runs); its restart is
     * only put off, as the kubelet's would be. This waits for the play to finish: the container as
     * recorded once the pod is CREATED, or nothing when the pod is gone or its maker died (its lock
     * is free while the pod says CREATING; the next command repairs such a pod).
     */
    private Optional<Located> afterCreation(String podId, String id)
            throws IOException, InterruptedException {
        while (true) {
            Optional<HeldPod> free = HeldPod.tryTake(rt.state(), podId);
            if (free.isPresent()) {
                try (HeldPod held = free.get()) {
                    if (held.pod().phase() == PodPhase.CREATING) {
                        return Optional.empty();
                    }
                }
            }
            Optional<Located> now = lookups.findContainer(id);
            if (now.isEmpty() || now.get().pod().phase() != PodPhase.CREATING) {
                return now;
            }
            rt.processes().sleep(RETRY_MILLIS);
        }
    }

    /** The sleeper's call, once the back-off is over. */
    String afterBackoff(String id) throws IOException, PodException {
        Optional<Located> found = lookups.findContainer(id);
        if (found.isEmpty()) {
            return "container " + id + " is gone";
        }
        ContainerRecord c = found.get().container();
        if (LifeFile.read(hooks.dir(c)).waiting() == null) {
            return "container " + c.name() + " is not in back-off";
        }
        try {
            return restartLocked(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Whether every app container has exited for good: the pod is done but for its sidecars. */
    private boolean appsFinished(PodRecord pod) {
        if (pod.sidecars().isEmpty()) {
            return false;
        }
        for (ContainerRecord app : pod.containers()) {
            ContainerStatus s = lookups.status(app);
            if (s.running()
                    || !"exited".equals(s.status())
                    || RestartRule.restarts(pod.restartPolicy(), s.exitCode())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kubelet stops the sidecars of a pod whose app containers have all finished (a Job's pod,
     * say), last started first; the stopping marker keeps their own exit hooks from restarting
     * them.
     */
    private String stopSidecars(PodRecord pod) throws IOException {
        try {
            while (true) {
                Optional<HeldPod> free = HeldPod.tryTake(rt.state(), pod.id());
                if (free.isPresent()) {
                    try (HeldPod held = free.get()) {
                        if (held.pod().phase() != PodPhase.CREATED) {
                            return "the pod is being stopped or removed";
                        }
                        teardown.markStopping(pod.id());
                        teardown.stopContainers(
                                held.pod().sidecars(), held.pod().gracePeriodSeconds());
                        return "stopped the sidecars";
                    }
                }
                Optional<PodRecord> now = rt.state().pod(pod.id());
                if (now.isEmpty() || now.get().phase() != PodPhase.CREATED) {
                    return "the pod is being stopped or removed";
                }
                rt.processes().sleep(RETRY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Init containers that are sidecars restart whatever the pod's policy. */
    static String policy(PodRecord pod, ContainerRecord c) {
        return LifecycleHooks.plan(c).sidecar() ? "Always" : pod.restartPolicy();
    }

    private ContainerLife.Terminated terminated(
            ContainerRecord c, ContainerStatus status, ContainerLife life) {
        LifePlan plan = LifecycleHooks.plan(c);
        String message =
                life.failure() != null
                        ? life.failureMessage()
                        : TerminationMessage.read(
                                TerminationMessage.file(hooks.dir(c)),
                                lookups.log(c),
                                plan.fallbackToLogsOnError(),
                                status.exitCode());
        return new ContainerLife.Terminated(
                status.exitCode(),
                ContainerLife.reason(status.exitCode(), life.failure()),
                c.startedAt(),
                status.finishedAt(),
                message);
    }

    private static boolean ranLong(ContainerRecord c, ContainerStatus status) {
        return c.startedAt() != null
                && status.finishedAt() != null
                && Duration.between(c.startedAt(), status.finishedAt())
                                .compareTo(RestartRule.RESET_AFTER)
                        >= 0;
    }

    /**
     * A detached shell that sleeps through the back-off and then runs this hook again; it gives up
     * at once when the pod is being stopped or removed by then.
     */
    private Process sleeper(PodRecord pod, ContainerRecord c, long delayMillis) throws IOException {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "setsid",
                                "/bin/sh",
                                "-c",
                                "sleep \"$1\"; [ -e \"$2\" ] && exit 0; shift 2; exec \"$@\"",
                                "sh",
                                String.format(Locale.ROOT, "%.3f", delayMillis / 1000.0),
                                ContainerCreator.stoppingMarker(rt, pod.id()).toString()));
        argv.addAll(creator.selfCommand());
        argv.addAll(List.of(ContainerCreator.EXIT_HOOK_VERB, AFTER_BACKOFF, c.id()));
        return rt.processes()
                .spawn(
                        new ProcessBuilder(argv)
                                .redirectInput(new File("/dev/null"))
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .redirectError(ProcessBuilder.Redirect.DISCARD));
    }

    private String restartLocked(ContainerRecord c)
            throws IOException, PodException, InterruptedException {
        while (true) {
            Optional<HeldPod> free = HeldPod.tryTake(rt.state(), c.podId());
            if (free.isPresent()) {
                try (HeldPod held = free.get()) {
                    return restart(c, held.pod());
                }
            }
            // another command works on the pod: a stop or a removal has marked it already
            Optional<PodRecord> pod = rt.state().pod(c.podId());
            if (pod.isEmpty() || pod.get().phase() != PodPhase.CREATED) {
                return "not restarting " + c.name() + ": the pod is being stopped or removed";
            }
            rt.processes().sleep(RETRY_MILLIS);
        }
    }

    private String restart(ContainerRecord c, PodRecord pod) throws IOException {
        Optional<ContainerRecord> now =
                pod.allContainers().stream().filter(x -> x.id().equals(c.id())).findFirst();
        // the pod may have been stopped or restarted while we waited
        if (pod.phase() != PodPhase.CREATED
                || now.isEmpty()
                || now.get().stoppedByUser()
                || lookups.alive(now.get())
                || now.get().pid() != c.pid()
                || pod.infra() == null
                || !lookups.alive(pod.infra())) {
            return "not restarting " + c.name() + ": the pod changed meanwhile";
        }
        Path dir = hooks.dir(c);
        LifeFile.write(dir, LifeFile.read(dir).running());
        ContainerRecord again =
                creator.start(
                        creator.recreate(now.get().restarted(), pod.infra(), layers.of(c), true));
        boolean init = pod.initContainers().stream().anyMatch(x -> x.id().equals(c.id()));
        rt.state().save(init ? pod.withInitContainer(again) : pod.withContainer(again));
        hooks.postStart(again);
        if (Prober.probed(again)) {
            // the new run's startup and readiness probes begin now, not at the prober's next round
            ProberProcess.ensureAwake(rt);
        }
        return "restarted " + c.name() + " (restart " + again.restartCount() + ")";
    }
}
