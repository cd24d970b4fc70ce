package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;

/**
 * An app container named by the user, with its pod's lock held and both records read again under
 * it. The infra container holds the pod's namespaces and init containers have run to completion:
 * the verbs on one container refuse both, naming the pod verb that does what was meant.
 */
record HeldContainer(HeldPod held, ContainerRecord container) implements AutoCloseable {

    /** {@code podVerb}: what to run on the pod instead when the infra container is named. */
    static HeldContainer take(Runtime rt, Lookups lookups, String nameOrId, String podVerb)
            throws IOException, PodException {
        Located found = lookups.container(nameOrId);
        ContainerRecord c = found.container();
        if (c.infra()) {
            throw new PodException(
                    c.name()
                            + " is the infra container of pod "
                            + found.pod().name()
                            + ", which holds its namespaces: use `jpod pod "
                            + podVerb
                            + " "
                            + found.pod().name()
                            + "`");
        }
        HeldPod held =
                HeldPod.take(rt.state(), found.pod().id())
                        .orElseThrow(
                                () ->
                                        new PodException(
                                                "pod " + found.pod().name() + " was removed"));
        try {
            ContainerRecord now =
                    held.pod().containers().stream()
                            .filter(x -> x.id().equals(c.id()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new PodException(
                                                    c.name()
                                                            + " is not one of the running"
                                                            + " containers of pod "
                                                            + found.pod().name()
                                                            + " (init containers run once)"));
            return new HeldContainer(held, now);
        } catch (PodException | RuntimeException e) {
            held.close();
            throw e;
        }
    }

    PodRecord pod() {
        return held.pod();
    }

    @Override
    public void close() throws IOException {
        held.close();
    }
}
