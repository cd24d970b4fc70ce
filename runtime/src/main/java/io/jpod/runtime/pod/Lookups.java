package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.logs.K8sFileLog;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.HelperStatus;
import io.jpod.runtime.state.NetworkRecord;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pods and containers by name or id, and what is derived from them: status, log, source. */
final class Lookups {

    private static final String SOURCE = "source";

    private final Runtime rt;

    Lookups(Runtime rt) {
        this.rt = rt;
    }

    List<PodRecord> pods() throws IOException {
        return rt.state().pods();
    }

    Optional<PodRecord> findPod(String nameOrId) throws IOException {
        return rt.state().pod(nameOrId);
    }

    PodRecord pod(String nameOrId) throws IOException, PodException {
        return findPod(nameOrId)
                .orElseThrow(
                        () -> new PodException("no pod with name or ID " + nameOrId + " found"));
    }

    /** A container by name, full id or unique id prefix, with its pod. */
    Optional<Located> findContainer(String nameOrId) throws IOException {
        List<Located> prefixed = new ArrayList<>();
        for (PodRecord pod : rt.state().pods()) {
            for (ContainerRecord c : pod.allContainers()) {
                if (c.name().equals(nameOrId) || c.id().equals(nameOrId)) {
                    return Optional.of(new Located(pod, c));
                }
                if (c.id().startsWith(nameOrId)) {
                    prefixed.add(new Located(pod, c));
                }
            }
        }
        return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
    }

    Located container(String nameOrId) throws IOException, PodException {
        return findContainer(nameOrId)
                .orElseThrow(
                        () ->
                                new PodException(
                                        "no container with name or ID " + nameOrId + " found"));
    }

    ContainerStatus status(ContainerRecord c) {
        return ContainerStatus.of(c, rt.layout().exits(), rt.processes());
    }

    /** Every container's status, by container id, infra first. */
    Map<String, ContainerStatus> statuses(PodRecord pod) {
        Map<String, ContainerStatus> states = new LinkedHashMap<>();
        for (ContainerRecord c : pod.allContainers()) {
            states.put(c.id(), status(c));
        }
        return states;
    }

    /** The pod's slirp4netns or pasta; empty for host networking or before it started. */
    Optional<HelperStatus> networkHelper(PodRecord pod) {
        NetworkRecord net = pod.network();
        if (net == null || net.helperPid() <= 0) {
            return Optional.empty();
        }
        boolean running = rt.processes().alive(net.helperPid(), net.helperStartTime());
        return Optional.of(
                new HelperStatus(
                        net.mode(),
                        net.helperPid(),
                        running,
                        running ? "" : lastLine(rt.layout().pods().resolve(pod.id()), net.mode())));
    }

    private static String lastLine(Path podDir, String helper) {
        try {
            List<String> lines = Files.readAllLines(podDir.resolve(helper + ".log"));
            return lines.isEmpty() ? "" : lines.getLast().strip();
        } catch (IOException e) {
            return "";
        }
    }

    boolean alive(ContainerRecord c) {
        return c.pid() > 0 && rt.processes().alive(c.pid(), c.pidStartTime());
    }

    boolean anyRunning(PodRecord pod) {
        return pod.containers().stream().anyMatch(this::alive);
    }

    K8sFileLog log(ContainerRecord c) {
        return new K8sFileLog(Path.of(c.bundle()).resolveSibling("ctr.log"));
    }

    /** What the pod was played from, as its {@link PodPlan#source()}; empty if not kept. */
    String source(PodRecord pod) throws IOException {
        Path file = sourceFile(rt, pod.id());
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /**
     * The plan the pod was played from, as {@link PlanDigest#render} shows it; empty if not kept.
     */
    String planText(PodRecord pod) throws IOException {
        Path file = planFile(rt, pod.id());
        return Files.exists(file) ? Files.readString(file) : "";
    }

    static Path planFile(Runtime rt, String podId) {
        return rt.layout().pods().resolve(podId).resolve("plan.txt");
    }

    static Path sourceFile(Runtime rt, String podId) {
        return rt.layout().pods().resolve(podId).resolve(SOURCE);
    }
}
