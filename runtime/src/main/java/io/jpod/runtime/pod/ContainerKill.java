package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Signals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kill [-s SIG] CTR} and {@code pod kill}: a signal to containers' main processes. Unlike
 * {@code stop}, a container that dies of it is restarted as the pod's restartPolicy says, as the
 * kubelet would.
 */
final class ContainerKill {

    private final Runtime rt;
    private final Lookups lookups;

    ContainerKill(Runtime rt, Lookups lookups) {
        this.rt = rt;
        this.lookups = lookups;
    }

    ContainerRecord kill(String nameOrId, String signal) throws JpodException, IOException {
        int number = Signals.number(signal);
        try (HeldContainer held = HeldContainer.take(rt, lookups, nameOrId, "kill")) {
            ContainerRecord c = held.container();
            if (!lookups.alive(c) || !rt.oci().kill(c.id(), Integer.toString(number))) {
                throw new PodException(
                        "can only kill running containers. "
                                + c.name()
                                + " is in state "
                                + lookups.status(c).status());
            }
            return c;
        }
    }

    /**
     * The pod's running app containers; the infra is spared, as it holds the namespaces the
     * restarted containers join. Returns those signalled.
     */
    List<ContainerRecord> killPod(String nameOrId, String signal)
            throws JpodException, IOException {
        int number = Signals.number(signal);
        PodRecord found = lookups.pod(nameOrId);
        try (HeldPod held =
                HeldPod.take(rt.state(), found.id())
                        .orElseThrow(
                                () -> new PodException("pod " + found.name() + " was removed"))) {
            List<ContainerRecord> signalled = new ArrayList<>();
            for (ContainerRecord c : held.pod().containers()) {
                if (lookups.alive(c) && rt.oci().kill(c.id(), Integer.toString(number))) {
                    signalled.add(c);
                }
            }
            if (signalled.isEmpty()) {
                throw new PodException("pod " + found.name() + " has no running containers");
            }
            return signalled;
        }
    }
}
