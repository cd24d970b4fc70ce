package io.jpod.cli.output;

import io.jpod.runtime.net.PodAddress;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inspect documents with podman's key names. */
public final class Inspection {

    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private Inspection() {}

    public static Map<String, Object> container(
            PodRecord pod, ContainerRecord c, ContainerStatus s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", c.id());
        doc.put("Created", c.created().toString());
        doc.put("Path", c.command().isEmpty() ? "" : c.command().getFirst());
        doc.put(
                "Args",
                c.command().size() > 1 ? c.command().subList(1, c.command().size()) : List.of());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("OciVersion", "1.0.2");
        state.put("Status", s.status());
        state.put("Running", s.running());
        state.put("Paused", false);
        state.put("Restarting", false);
        state.put("OOMKilled", false);
        state.put("Dead", false);
        state.put("Pid", s.running() ? c.pid() : 0);
        state.put("ConmonPid", c.conmonPid());
        state.put("ExitCode", s.exitCode());
        state.put("Error", "");
        state.put("StartedAt", time(c.startedAt()));
        state.put("FinishedAt", time(s.finishedAt()));
        doc.put("State", state);
        doc.put(
                "Image",
                c.imageId().startsWith("sha256:") ? c.imageId().substring(7) : c.imageId());
        doc.put("ImageName", c.image());
        doc.put("Rootfs", "");
        doc.put("Pod", pod.id());
        doc.put("Name", c.name());
        doc.put("RestartCount", c.restartCount());
        doc.put("IsInfra", c.infra());
        doc.put("Bundle", Path.of(c.bundle()).toString());
        doc.put("NetworkSettings", network(pod));
        return doc;
    }

    public static Map<String, Object> pod(
            PodRecord pod, String status, Map<String, ContainerStatus> states) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", pod.id());
        doc.put("Name", pod.name());
        doc.put("Created", pod.created().toString());
        doc.put("State", status);
        doc.put("Hostname", pod.hostname());
        doc.put("Labels", pod.labels());
        doc.put("CreateInfra", pod.infra() != null);
        doc.put("InfraContainerID", pod.infra() == null ? "" : pod.infra().id());
        doc.put("NumContainers", pod.allContainers().size());
        doc.put("NetworkSettings", network(pod));
        List<Map<String, Object>> containers = new ArrayList<>();
        for (ContainerRecord c : pod.allContainers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Id", c.id());
            entry.put("Name", c.name());
            entry.put("State", states.get(c.id()).status());
            containers.add(entry);
        }
        doc.put("Containers", containers);
        return doc;
    }

    /** The pod's network mode and address, by the rule the downward API and /etc/hosts use. */
    private static Map<String, Object> network(PodRecord pod) {
        Map<String, Object> net = new LinkedHashMap<>();
        if (pod.network() != null) {
            net.put("NetworkMode", pod.network().mode());
            net.put("IPAddress", PodAddress.of(pod.network().mode()).podIP());
        }
        return net;
    }

    private static String time(Instant t) {
        return t == null ? ZERO_TIME : t.toString();
    }
}
