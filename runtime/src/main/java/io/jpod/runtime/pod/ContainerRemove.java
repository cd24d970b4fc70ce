package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.List;

/**
 * {@code rm [-f] CTR}: takes one app container out of its pod, as podman does; the pod and its
 * other containers go on. A running container is refused without {@code force}.
 */
final class ContainerRemove {

    /** podman's exit code for a container in the wrong state for the verb. */
    static final int STATE_IMPROPER = 2;

    private final Runtime rt;
    private final Lookups lookups;
    private final PodTeardown teardown;

    ContainerRemove(Runtime rt, Lookups lookups, PodTeardown teardown) {
        this.rt = rt;
        this.lookups = lookups;
        this.teardown = teardown;
    }

    ContainerRecord remove(String nameOrId, boolean force, Long timeoutSeconds)
            throws JpodException, IOException {
        try (HeldContainer held = HeldContainer.take(rt, lookups, nameOrId, "rm")) {
            PodRecord pod = held.pod();
            ContainerRecord c = held.container();
            if (!force && lookups.alive(c)) {
                throw new JpodException(
                        STATE_IMPROPER,
                        "cannot remove container "
                                + c.name()
                                + " as it is running: stop it first or use --force");
            }
            // the exit hook must not restart what is going away
            c = c.asStoppedByUser();
            rt.state().save(pod.withContainer(c));
            teardown.stopContainers(
                    List.of(c), timeoutSeconds == null ? pod.gracePeriodSeconds() : timeoutSeconds);
            teardown.removeContainer(c);
            String id = c.id();
            rt.state()
                    .save(
                            pod.withContainers(
                                    pod.containers().stream()
                                            .filter(x -> !x.id().equals(id))
                                            .toList()));
            return c;
        }
    }
}
