package io.jpod.cli.output;

import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.util.Map;

/** A pod's status from its app containers', as podman words it. */
public final class PodStatus {

    private PodStatus() {}

    public static String of(PodRecord pod, Map<String, ContainerStatus> states) {
        if (pod.phase() == PodPhase.CREATING) {
            return "Creating";
        }
        if (pod.phase() == PodPhase.REMOVING) {
            return "Removing";
        }
        long running =
                pod.containers().stream()
                        .map(ContainerRecord::id)
                        .map(states::get)
                        .filter(ContainerStatus::running)
                        .count();
        long total = pod.containers().size();
        if (total == 0 || running == 0) {
            boolean created =
                    pod.containers().stream()
                            .map(c -> states.get(c.id()).status())
                            .allMatch("created"::equals);
            return created && total > 0 ? "Created" : "Exited";
        }
        return running == total ? "Running" : "Degraded";
    }
}
