package io.jpod.runtime.probe;

import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a pod is Ready, the kubelet's way: every app container and native sidecar running and,
 * where it has them, its startup probe passed and its readiness probe passing; never while the pod
 * is stopped or being removed. Sidecars count in the ratio, as kubectl's READY column counts them.
 *
 * @param notReady for each container that is not, why: "web: readiness probe http-get ... not
 *     passing"
 */
public record PodReadiness(int ready, int total, List<String> notReady) {

    public PodReadiness {
        notReady = List.copyOf(notReady);
    }

    public boolean isReady() {
        return total > 0 && ready == total;
    }

    /** "1/2", as {@code pod ps} shows it. */
    public String ratio() {
        return ready + "/" + total;
    }

    public static PodReadiness of(
            PodRecord pod, Map<String, ContainerStatus> states, Optional<PodHealth> health) {
        int ready = 0;
        List<String> why = new ArrayList<>();
        List<ContainerRecord> counted = Prober.probeable(pod);
        for (ContainerRecord c : counted) {
            String reason = notReady(pod, c, states.get(c.id()), health);
            if (reason == null) {
                ready++;
            } else {
                why.add(c.name() + ": " + reason);
            }
        }
        return new PodReadiness(ready, counted.size(), why);
    }

    /** Whether one app container or sidecar is ready, as {@code inspect} shows it. */
    public static boolean ready(
            PodRecord pod, ContainerRecord c, ContainerStatus state, Optional<PodHealth> health) {
        return notReady(pod, c, state, health) == null;
    }

    private static String notReady(
            PodRecord pod, ContainerRecord c, ContainerStatus state, Optional<PodHealth> health) {
        if (pod.phase() != PodPhase.CREATED) {
            return "the pod is " + pod.phase().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (state == null || !state.running()) {
            return "not running";
        }
        if (!Prober.probed(c)) {
            return null;
        }
        ContainerProbes probes = c.spec().container().probes();
        if (probes.readiness() == null && probes.startup() == null) {
            return null; // liveness alone does not gate readiness
        }
        Optional<ContainerHealth> h = current(c, health);
        if (h.isEmpty()) {
            return "no probe result yet";
        }
        if (h.get().ready()) {
            return null;
        }
        if (!h.get().started()) {
            return "startup probe " + probes.startup().describe() + " has not passed";
        }
        return "readiness probe "
                + probes.readiness().describe()
                + " is not passing"
                + (h.get().failingStreak() > 0
                        ? " (" + h.get().failingStreak() + " failures in a row)"
                        : "");
    }

    /**
     * podman's health word for a container: empty for one without probes, else starting, healthy or
     * unhealthy; starting until the prober has written for this run of it. Empty for the infra and
     * for init containers that run to completion, which are not probed (inspect has no Health for
     * them).
     */
    public static String healthStatus(
            PodRecord pod, ContainerRecord c, Optional<PodHealth> health) {
        if (!Prober.probed(c)
                || Prober.probeable(pod).stream().noneMatch(a -> a.id().equals(c.id()))) {
            return "";
        }
        return current(c, health).map(ContainerHealth::status).orElse(ContainerHealth.STARTING);
    }

    /** The container's health as the prober wrote it for this very run of it, if it has. */
    public static Optional<ContainerHealth> current(ContainerRecord c, Optional<PodHealth> health) {
        return health.map(h -> h.containers().get(c.name()))
                .filter(
                        h ->
                                h.containerId().equals(c.id())
                                        && h.pidStartTime() == c.pidStartTime());
    }
}
