package io.jpod.cli.output;

import io.jpod.runtime.probe.ContainerHealth;
import io.jpod.runtime.probe.HealthLog;
import io.jpod.runtime.probe.PodHealth;
import io.jpod.runtime.probe.PodReadiness;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's probe results in its inspect document: {@code State.Health} with podman's keys
 * (Status, FailingStreak, Log of Start, End, ExitCode, Output) for a container with probes, and
 * {@code State.Ready} for every app container, as the kubelet's containerStatuses[].ready.
 */
public final class HealthView {

    private HealthView() {}

    /** Adds to {@code doc}'s State, which {@link Inspection#container} made. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> addTo(
            Map<String, Object> doc,
            PodRecord pod,
            ContainerRecord c,
            ContainerStatus s,
            Optional<PodHealth> health) {
        if (c.infra() || pod.initContainers().stream().anyMatch(i -> i.id().equals(c.id()))) {
            return doc;
        }
        Map<String, Object> state = (Map<String, Object>) doc.get("State");
        String status = PodReadiness.healthStatus(pod, c, health);
        if (!status.isEmpty()) {
            Optional<ContainerHealth> h = PodReadiness.current(c, health);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("Status", status);
            out.put("FailingStreak", h.map(ContainerHealth::failingStreak).orElse(0));
            List<Map<String, Object>> log = new ArrayList<>();
            for (HealthLog l : h.map(ContainerHealth::log).orElse(List.of())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Start", l.start().toString());
                entry.put("End", l.end().toString());
                entry.put("ExitCode", l.exitCode());
                entry.put("Output", l.output());
                log.add(entry);
            }
            out.put("Log", log);
            state.put("Health", out);
        }
        state.put("Ready", PodReadiness.ready(pod, c, s, health));
        return doc;
    }
}
