package io.jpod.cli.command;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import java.util.HashMap;
import java.util.Map;

/** The derived status of every container of a pod, by container id. */
final class Statuses {

    private Statuses() {}

    static Map<String, ContainerStatus> of(PodRecord pod, Runtime rt) {
        Map<String, ContainerStatus> states = new HashMap<>();
        for (ContainerRecord c : pod.allContainers()) {
            states.put(c.id(), ContainerStatus.of(c, rt.layout().exits()));
        }
        return states;
    }
}
