package io.jpod.cli.output;

import io.jpod.runtime.net.PodAddress;
import io.jpod.runtime.oci.IdMap;
import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.spec.MountSpec;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.HelperStatus;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.PortMapping;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Inspect documents with podman's key names. */
public final class Inspection {

    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private Inspection() {}

    public static Map<String, Object> container(
            PodRecord pod, ContainerRecord c, ContainerStatus s) {
        return container(pod, c, s, ContainerLife.FRESH, "");
    }

    /**
     * With what the kubelet would report beyond podman's keys, under jpod's own {@code KubeState}:
     * {@code Reason} (CrashLoopBackOff while the back-off runs, else Completed, Error or
     * FailedPostStartHook once exited), {@code Message} (the termination message), {@code
     * BackOffUntil} and {@code LastState} (how the previous run ended). podman has no
     * CrashLoopBackOff status: State.Status stays "exited" and State.Error says it.
     */
    public static Map<String, Object> container(
            PodRecord pod,
            ContainerRecord c,
            ContainerStatus s,
            ContainerLife life,
            String message) {
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
        boolean waiting = !s.running() && ContainerLife.CRASH_LOOP.equals(life.waiting());
        state.put("Error", waiting ? ContainerLife.CRASH_LOOP : "");
        state.put("StartedAt", time(c.startedAt()));
        state.put("FinishedAt", time(s.finishedAt()));
        doc.put("State", state);
        Map<String, Object> kube = new LinkedHashMap<>();
        kube.put("Reason", reason(s, life, waiting));
        kube.put("Message", message);
        if (waiting) {
            kube.put("BackOffUntil", time(life.restartAt()));
        }
        if (life.last() != null) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("ExitCode", life.last().exitCode());
            last.put("Reason", life.last().reason());
            last.put("StartedAt", time(life.last().startedAt()));
            last.put("FinishedAt", time(life.last().finishedAt()));
            last.put("Message", life.last().message() == null ? "" : life.last().message());
            kube.put("LastState", last);
        }
        doc.put("Image", ContainerView.bareId(c.imageId()));
        doc.put("ImageName", c.image());
        doc.put("Rootfs", "");
        doc.put("Pod", pod.id());
        doc.put("Name", c.name());
        doc.put("RestartCount", c.restartCount());
        doc.put("IsInfra", c.infra());
        doc.put("Bundle", Path.of(c.bundle()).toString());
        if (!c.infra()) {
            doc.put("KubeState", kube);
        }
        ContainerPlan plan = c.spec() == null ? null : c.spec().container();
        doc.put("Mounts", plan == null ? List.of() : mounts(c.spec(), plan));
        doc.put("Config", config(pod, c, plan));
        Map<String, Object> ports = ports(pod);
        Map<String, Object> network = new LinkedHashMap<>();
        if (pod.network() != null) {
            network.put("IPAddress", PodAddress.of(pod.network().mode()).podIP());
        }
        network.put("Ports", ports);
        doc.put("NetworkSettings", network);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("Binds", plan == null ? List.of() : binds(c.spec(), plan));
        host.put("NetworkMode", pod.network() == null ? "" : pod.network().mode());
        host.put("PortBindings", ports);
        Map<String, Object> restart = new LinkedHashMap<>();
        restart.put("Name", restartPolicy(pod.restartPolicy()));
        restart.put("MaximumRetryCount", 0);
        host.put("RestartPolicy", restart);
        IdMap userns = c.spec() == null ? null : c.spec().pod().userns();
        if (userns != null) {
            // podman's key for a container in a user namespace of its own (hostUsers: false)
            Map<String, Object> mappings = new LinkedHashMap<>();
            mappings.put("UidMap", List.of(userns.text()));
            mappings.put("GidMap", List.of(userns.text()));
            host.put("IDMappings", mappings);
        }
        doc.put("HostConfig", host);
        return doc;
    }

    private static String reason(ContainerStatus s, ContainerLife life, boolean waiting) {
        if (waiting) {
            return ContainerLife.CRASH_LOOP;
        }
        if (s.running()) {
            return ContainerLife.CREATING.equals(life.waiting()) ? ContainerLife.CREATING : "";
        }
        if (!"exited".equals(s.status())) {
            return "";
        }
        return ContainerLife.reason(s.exitCode(), life.failure());
    }

    /**
     * The values of variables that hold a Secret's data are masked: inspect output ends up in
     * terminals, logs and bug reports.
     */
    public static final String MASKED = "<masked: from a Secret>";

    private static Map<String, Object> config(
            PodRecord pod, ContainerRecord c, ContainerPlan plan) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Hostname", pod.hostname());
        config.put("User", plan == null || plan.user() == null ? "" : plan.user());
        List<String> env = new ArrayList<>();
        if (plan != null) {
            for (String entry : plan.env()) {
                int eq = entry.indexOf('=');
                String name = eq < 0 ? entry : entry.substring(0, eq);
                env.add(plan.secretEnv().contains(name) ? name + "=" + MASKED : entry);
            }
        }
        config.put("Env", env);
        config.put("Cmd", c.command());
        // podman 4 prints the entrypoint as one string; jpod runs the whole argv as it
        config.put("Entrypoint", String.join(" ", c.command()));
        config.put("WorkingDir", plan == null ? "/" : plan.workingDir());
        config.put("Labels", pod.labels());
        config.put("Annotations", annotations(pod, c, plan));
        config.put(
                "StopSignal", StopSignals.number(plan == null ? "TERM" : plan.life().stopSignal()));
        config.put("Image", c.image());
        config.put("Tty", plan != null && plan.tty());
        return config;
    }

    /** The annotations podman sets on a container of a pod that jpod can fill truthfully. */
    private static Map<String, String> annotations(
            PodRecord pod, ContainerRecord c, ContainerPlan plan) {
        Map<String, String> a = new java.util.TreeMap<>();
        a.put("io.container.manager", "jpod");
        a.put("io.kubernetes.cri-o.ContainerType", c.infra() ? "sandbox" : "container");
        a.put("io.kubernetes.cri-o.Created", time(c.created()));
        a.put("io.kubernetes.cri-o.SandboxID", pod.id());
        a.put(
                "io.podman.annotations.privileged",
                plan != null && plan.privileged() ? "TRUE" : "FALSE");
        a.put("org.opencontainers.image.stopSignal", "15");
        return a;
    }

    private static List<Map<String, Object>> mounts(SpecInput spec, ContainerPlan plan) {
        List<Path> sources = MountSpec.sources(spec);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < plan.mounts().size(); i++) {
            ContainerPlan.MountPlan m = plan.mounts().get(i);
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("Type", "bind");
            mount.put("Source", sources.get(i).toString());
            mount.put("Destination", m.destination());
            mount.put("Driver", "");
            mount.put("Mode", "");
            mount.put("Options", List.of("rbind"));
            mount.put("RW", !m.readOnly());
            mount.put("Propagation", propagation(m));
            out.add(mount);
        }
        return out;
    }

    private static List<String> binds(SpecInput spec, ContainerPlan plan) {
        List<Path> sources = MountSpec.sources(spec);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < plan.mounts().size(); i++) {
            ContainerPlan.MountPlan m = plan.mounts().get(i);
            out.add(
                    sources.get(i)
                            + ":"
                            + m.destination()
                            + ":"
                            + (m.readOnly() ? "ro" : "rw")
                            + ","
                            + propagation(m));
        }
        return out;
    }

    private static String propagation(ContainerPlan.MountPlan m) {
        return switch (m.propagation() == null ? ContainerPlan.Propagation.NONE : m.propagation()) {
            case NONE -> "rprivate";
            case HOST_TO_CONTAINER -> "rslave";
            case BIDIRECTIONAL -> "rshared";
        };
    }

    /** podman's port map: {@code "8080/tcp": [{"HostIp": "", "HostPort": "18080"}]}. */
    private static Map<String, Object> ports(PodRecord pod) {
        Map<String, Object> ports = new LinkedHashMap<>();
        if (pod.network() == null) {
            return ports;
        }
        for (PortMapping p : pod.network().ports()) {
            Map<String, Object> binding = new LinkedHashMap<>();
            binding.put("HostIp", p.hostIP() == null ? "" : p.hostIP());
            binding.put("HostPort", Integer.toString(p.hostPort()));
            @SuppressWarnings("unchecked")
            List<Object> list =
                    (List<Object>)
                            ports.computeIfAbsent(
                                    p.containerPort() + "/" + p.protocol().toLowerCase(Locale.ROOT),
                                    k -> new ArrayList<>());
            list.add(binding);
        }
        return ports;
    }

    /** Kubernetes' restartPolicy in podman's words. */
    private static String restartPolicy(String k8s) {
        return switch (k8s == null ? "" : k8s) {
            case "Always" -> "always";
            case "OnFailure" -> "on-failure";
            case "Never" -> "no";
            default -> "";
        };
    }

    /**
     * A pod as podman's {@code pod inspect} shows it, with one key of jpod's own: {@code
     * NetworkHelper}, the pod's slirp4netns or pasta and whether it still runs.
     */
    public static Map<String, Object> pod(
            PodRecord pod, Map<String, ContainerStatus> states, Optional<HelperStatus> helper) {
        String status = PodStatus.of(pod, states, helper);
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
        helper.ifPresent(
                h -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("Name", h.name());
                    entry.put("Pid", h.pid());
                    entry.put("Running", h.running());
                    entry.put("LastLog", h.lastWords());
                    doc.put("NetworkHelper", entry);
                });
        return doc;
    }

    /** The pod's address and network mode, which podman shows only on its infra container. */
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
