package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;

/**
 * {@code start CTR}: starts a stopped or exited container of a running pod again, in the pod's
 * namespaces of now; the pod's restartPolicy applies to it again.
 */
final class ContainerStart {

    private final Runtime rt;
    private final Lookups lookups;
    private final ContainerCreator creator;
    private final Layers layers;

    ContainerStart(Runtime rt, Lookups lookups, ContainerCreator creator, Layers layers) {
        this.rt = rt;
        this.lookups = lookups;
        this.creator = creator;
        this.layers = layers;
    }

    /** A container that runs already is left as it is, as podman does. */
    ContainerRecord start(String nameOrId) throws PodException, IOException {
        try (HeldContainer held = HeldContainer.take(rt, lookups, nameOrId, "start")) {
            PodRecord pod = held.pod();
            ContainerRecord c = held.container();
            if (lookups.alive(c)) {
                return c;
            }
            if (pod.phase() != PodPhase.CREATED
                    || pod.infra() == null
                    || !lookups.alive(pod.infra())) {
                throw new PodException(
                        "pod "
                                + pod.name()
                                + " is not running: start it with `jpod pod start "
                                + pod.name()
                                + "`");
            }
            ContainerRecord again =
                    creator.start(
                            creator.recreate(
                                    c,
                                    pod.infra(),
                                    layers.of(c),
                                    RestartRule.hooked(pod.restartPolicy())));
            rt.state().save(pod.withContainer(again));
            return again;
        }
    }
}
