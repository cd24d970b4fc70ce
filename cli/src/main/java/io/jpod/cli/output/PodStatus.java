package io.jpod.cli.output;

import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.HelperStatus;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.util.Map;
import java.util.Optional;

/**
 * A pod's status from its app containers', as podman words it, and Degraded too when its network
 * helper died under it (its ports no longer answer).
 */
public final class PodStatus {

    private PodStatus() {}

    public static String of(
            PodRecord pod, Map<String, ContainerStatus> states, Optional<HelperStatus> helper) {
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
        boolean connected = helper.map(HelperStatus::running).orElse(true);
        return running == total && connected ? "Running" : "Degraded";
    }
}
