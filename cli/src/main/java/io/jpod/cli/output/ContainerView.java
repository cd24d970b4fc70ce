package io.jpod.cli.output;

import io.jpod.cli.format.GoStruct;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.PortMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A container as {@code ps} shows it: the table's cells, the fields a {@code --format} template
 * names (podman's psReporter), and the objects of {@code --format json} (podman's ListContainer).
 */
public final class ContainerView {

    /** Header labels that are not the field name in capitals, as podman's ps prints them. */
    public static final Map<String, String> HEADERS =
            Map.of(
                    "ID", "CONTAINER ID",
                    "CreatedHuman", "CREATED",
                    "RunningFor", "CREATED",
                    "PodName", "POD NAME");

    private ContainerView() {}

    public static String status(ContainerStatus s, ContainerRecord c, Instant now) {
        return status(s, c, now, "");
    }

    /** With the health of a probed container, as podman's {@code Up 3 seconds (healthy)}. */
    public static String status(ContainerStatus s, ContainerRecord c, Instant now, String health) {
        String base = baseStatus(s, c, now);
        return s.running() && !health.isEmpty() ? base + " (" + health + ")" : base;
    }

    private static String baseStatus(ContainerStatus s, ContainerRecord c, Instant now) {
        return switch (s.status()) {
            case "running" ->
                    "Up " + Ago.since(c.startedAt() == null ? c.created() : c.startedAt(), now);
            case "exited" ->
                    "Exited ("
                            + s.exitCode()
                            + ")"
                            + (s.finishedAt() == null ? "" : " " + Ago.since(s.finishedAt(), now));
            default -> "Created";
        };
    }

    public static String command(List<String> argv) {
        String joined = oneLine(argv);
        return joined.length() > 20 ? joined.substring(0, 17) + "..." : joined;
    }

    /**
     * The command as one table cell: the line breaks of a script given as a block ({@code args: |})
     * become spaces, or they would break the table's rows.
     */
    public static String oneLine(List<String> argv) {
        String joined = String.join(" ", argv);
        // a regex is compiled anew on each call: ps makes one cell per container
        if (joined.indexOf('\n') < 0 && joined.indexOf('\r') < 0) {
            return joined.strip();
        }
        return joined.replaceAll("\\s*[\\r\\n]\\s*", " ").strip();
    }

    public static String ports(PodRecord pod) {
        return portList(pod).stream()
                .map(
                        p ->
                                (p.hostIP() == null || p.hostIP().isEmpty()
                                                ? "0.0.0.0"
                                                : p.hostIP())
                                        + ":"
                                        + p.hostPort()
                                        + "->"
                                        + p.containerPort()
                                        + "/"
                                        + p.protocol().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static List<PortMapping> portList(PodRecord pod) {
        return pod.network() == null ? List.of() : pod.network().ports();
    }

    /** The fields podman's ps templates use. */
    public static GoStruct row(PodRecord pod, ContainerRecord c, ContainerStatus s, Instant now) {
        return row(pod, c, s, now, "");
    }

    /** {@code health}: empty for a container without probes, else podman's word for it. */
    public static GoStruct row(
            PodRecord pod, ContainerRecord c, ContainerStatus s, Instant now, String health) {
        return new GoStruct("psReporter")
                .with("ID", c.shortId())
                .with("Id", c.id())
                .with("Image", c.infra() ? "" : c.image())
                .with("ImageID", bareId(c.imageId()))
                .with("Command", command(c.command()))
                .with("CreatedAt", GoTime.display(c.created()))
                .with("CreatedHuman", Ago.since(c.created(), now))
                .with("RunningFor", Ago.duration(java.time.Duration.between(c.created(), now)))
                .with("Status", status(s, c, now, health))
                .with("State", s.status())
                .with("Ports", ports(pod))
                .with("Names", c.name())
                .with("Pod", pod.shortId())
                .with("PodName", pod.name())
                .with("Labels", pod.labels())
                .with("IsInfra", c.infra())
                .with("Pid", s.running() ? c.pid() : 0L)
                .with("ExitCode", (long) s.exitCode())
                .with("Exited", "exited".equals(s.status()))
                .with("Restarts", (long) c.restartCount())
                .with("StartedAt", GoTime.display(c.startedAt()));
    }

    /** One element of {@code ps --format json}, with podman's keys. */
    public static Map<String, Object> json(
            PodRecord pod, ContainerRecord c, ContainerStatus s, Instant now) {
        return json(pod, c, s, now, "");
    }

    public static Map<String, Object> json(
            PodRecord pod, ContainerRecord c, ContainerStatus s, Instant now, String health) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("AutoRemove", false);
        o.put("Command", c.command());
        o.put("Created", c.created().getEpochSecond());
        o.put("CreatedAt", Ago.since(c.created(), now));
        o.put("Exited", "exited".equals(s.status()));
        o.put(
                "ExitedAt",
                s.finishedAt() == null ? GoTime.ZERO_UNIX : s.finishedAt().getEpochSecond());
        o.put("ExitCode", s.exitCode());
        o.put("Id", c.id());
        o.put("Image", c.infra() ? "" : c.image());
        o.put("ImageID", bareId(c.imageId()));
        o.put("IsInfra", c.infra());
        o.put("Labels", pod.labels().isEmpty() ? null : pod.labels());
        o.put("Mounts", List.of());
        o.put("Names", List.of(c.name()));
        o.put("Namespaces", Map.of());
        o.put("Networks", List.of());
        o.put("Pid", s.running() ? c.pid() : 0);
        o.put("Pod", pod.id());
        o.put("PodName", pod.name());
        List<Map<String, Object>> ports = new ArrayList<>();
        for (PortMapping p : portList(pod)) {
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("host_ip", p.hostIP() == null ? "" : p.hostIP());
            port.put("container_port", p.containerPort());
            port.put("host_port", p.hostPort());
            port.put("range", 1);
            port.put("protocol", p.protocol().toLowerCase(Locale.ROOT));
            ports.add(port);
        }
        o.put("Ports", ports.isEmpty() ? null : ports);
        o.put(
                "StartedAt",
                c.startedAt() == null ? GoTime.ZERO_UNIX : c.startedAt().getEpochSecond());
        o.put("State", s.status());
        o.put("Status", status(s, c, now, health));
        return o;
    }

    /** A container's image id as podman prints it, without {@code sha256:}. */
    public static String bareId(String id) {
        return id != null && id.startsWith("sha256:") ? id.substring(7) : id;
    }
}
