package io.jpod.cli.output;

import io.jpod.cli.format.GoStruct;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A pod as {@code pod ps} shows it: template fields (podman's) and {@code --format json}. */
public final class PodView {

    public static final Map<String, String> HEADERS =
            Map.of(
                    "ID", "POD ID",
                    "InfraID", "INFRA ID",
                    "NumberOfContainers", "# OF CONTAINERS");

    private PodView() {}

    /** {@code ready}: the ready app containers over all of them, "1/2". */
    public static GoStruct row(
            PodRecord pod,
            Map<String, ContainerStatus> states,
            String status,
            Instant now,
            String ready) {
        List<ContainerRecord> all = pod.allContainers();
        return new GoStruct("podReporter")
                .with("ID", pod.shortId())
                .with("Id", pod.id())
                .with("Name", pod.name())
                .with("Status", status)
                .with("Ready", ready)
                .with("Created", Ago.since(pod.created(), now))
                .with("CreatedAt", GoTime.display(pod.created()))
                .with("InfraID", pod.infra() == null ? "" : pod.infra().shortId())
                .with("NumberOfContainers", (long) all.size())
                .with("Labels", pod.labels())
                .with("Namespace", "")
                .with("Cgroup", "")
                .with("Networks", "")
                .with("ContainerNames", join(all, ContainerRecord::name))
                .with("ContainerIds", join(all, ContainerRecord::shortId))
                .with("ContainerStatuses", join(all, c -> states.get(c.id()).status()));
    }

    public static Map<String, Object> json(
            PodRecord pod, Map<String, ContainerStatus> states, String status, String ready) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("Cgroup", "");
        List<Map<String, Object>> containers = new ArrayList<>();
        for (ContainerRecord c : pod.allContainers()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Id", c.id());
            e.put("Names", c.name());
            e.put("Status", states.get(c.id()).status());
            containers.add(e);
        }
        o.put("Containers", containers);
        o.put("Created", pod.created().toString());
        o.put("Id", pod.id());
        o.put("InfraId", pod.infra() == null ? "" : pod.infra().id());
        o.put("Name", pod.name());
        o.put("Namespace", "");
        o.put("Networks", List.of());
        o.put("Status", status);
        o.put("Ready", ready);
        o.put("Labels", pod.labels());
        return o;
    }

    private static String join(
            List<ContainerRecord> all, java.util.function.Function<ContainerRecord, String> f) {
        return all.stream().map(f).collect(Collectors.joining(","));
    }
}
