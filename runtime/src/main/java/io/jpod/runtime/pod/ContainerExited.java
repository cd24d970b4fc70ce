package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.Optional;

/**
 * conmon's exit hook: applies the pod's restartPolicy to a container that exited, after the
 * kubelet's back-off. conmon waits for its hook and teardown waits for conmon, so the hook never
 * blocks on a pod lock: while the pod's lock is taken it looks again until the pod is free or no
 * longer running, and it takes no lock at all during the back-off.
 */
final class ContainerExited {

    private static final long RETRY_MILLIS = 50;

    private final Runtime rt;
    private final Lookups lookups;
    private final ContainerCreator creator;
    private final Layers layers;

    ContainerExited(Runtime rt, Lookups lookups, ContainerCreator creator, Layers layers) {
        this.rt = rt;
        this.lookups = lookups;
        this.creator = creator;
        this.layers = layers;
    }

    /** Returns what it did, for conmon's log. */
    String handle(String id) throws IOException, PodException {
        Optional<Located> exited = lookups.findContainer(id);
        if (exited.isEmpty()) {
            return "container " + id + " is gone";
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
        int exitCode = lookups.status(c).exitCode();
        if (!RestartRule.restarts(pod.restartPolicy(), exitCode)) {
            return "restartPolicy " + pod.restartPolicy() + ": not restarting " + c.name();
        }
        try {
            rt.processes().sleep(RestartRule.backoffMillis(c.restartCount()));
            return restartLocked(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
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
                pod.containers().stream().filter(x -> x.id().equals(c.id())).findFirst();
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
        ContainerRecord again =
                creator.start(
                        creator.recreate(now.get().restarted(), pod.infra(), layers.of(c), true));
        rt.state().save(pod.withContainer(again));
        return "restarted " + c.name() + " (restart " + again.restartCount() + ")";
    }
}
