package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;

/** {@code pod stop}: stops every container of a pod, keeping the pod. */
final class Stop {

    private final Runtime rt;
    private final Lookups lookups;
    private final PodTeardown teardown;

    Stop(Runtime rt, Lookups lookups, PodTeardown teardown) {
        this.rt = rt;
        this.lookups = lookups;
        this.teardown = teardown;
    }

    /** SIGTERM, then SIGKILL after {@code timeoutSeconds} or else the pod's grace period. */
    PodRecord stop(String nameOrId, Long timeoutSeconds) throws PodException, IOException {
        PodRecord found = lookups.pod(nameOrId);
        try (HeldPod held = take(found)) {
            PodRecord pod = held.pod();
            // saved first: an exit hook that fires meanwhile reads it and restarts nothing
            pod = pod.withPhase(PodPhase.STOPPED);
            rt.state().save(pod);
            teardown.markStopping(pod.id());
            teardown.stopContainers(
                    pod.allContainers(),
                    timeoutSeconds == null ? pod.gracePeriodSeconds() : timeoutSeconds);
            return pod;
        }
    }

    private HeldPod take(PodRecord found) throws IOException, PodException {
        return HeldPod.take(rt.state(), found.id())
                .orElseThrow(() -> new PodException("pod " + found.name() + " was removed"));
    }
}
