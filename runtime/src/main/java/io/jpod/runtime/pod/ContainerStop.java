package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;

import java.io.IOException;
import java.util.List;

/**
 * {@code stop CTR}: stops one container of a pod, leaving the pod and its other containers running.
 * The container is marked stopped by the user before it is signalled, so the exit hook applies no
 * restartPolicy to it until {@code start} brings it back.
 */
final class ContainerStop {

    private final Runtime rt;
    private final Lookups lookups;
    private final PodTeardown teardown;

    ContainerStop(Runtime rt, Lookups lookups, PodTeardown teardown) {
        this.rt = rt;
        this.lookups = lookups;
        this.teardown = teardown;
    }

    /** SIGTERM, then SIGKILL after {@code timeoutSeconds} or else the pod's grace period. */
    ContainerRecord stop(String nameOrId, Long timeoutSeconds) throws PodException, IOException {
        try (HeldContainer held = HeldContainer.take(rt, lookups, nameOrId, "stop")) {
            ContainerRecord c = held.container().asStoppedByUser();
            rt.state().save(held.pod().withContainer(c));
            teardown.stopContainers(
                    List.of(c),
                    timeoutSeconds == null ? held.pod().gracePeriodSeconds() : timeoutSeconds);
            return c;
        }
    }
}
