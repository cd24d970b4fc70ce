package io.jpod.model;

import static io.jpod.model.ManifestWriter.putUnlessDefault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Service {@code generate kube --service} writes for a pod. As podman's, it is a NodePort
 * Service named after the pod, selecting it by its labels, with one port per published hostPort;
 * unlike podman's, no random nodePort is made up: a hostPort inside the cluster's default NodePort
 * range is kept as the nodePort, any other leaves the choice to the cluster, so that the output is
 * the same each time. A pod that publishes nothing gets a ClusterIP Service of its container ports.
 */
final class ServiceWriter {
    /** The API server's default --service-node-port-range. */
    private static final int NODE_PORT_MIN = 30000;

    private static final int NODE_PORT_MAX = 32767;

    private ServiceWriter() {}

    static Optional<Map<String, Object>> service(
            PodModel pod, String name, Map<String, String> selector) {
        List<PortModel> ports = new ArrayList<>();
        pod.containers().forEach(c -> ports.addAll(c.ports()));
        List<PortModel> published = ports.stream().filter(p -> p.hostPort() != 0).toList();
        boolean nodePort = !published.isEmpty();
        List<PortModel> chosen = nodePort ? published : ports;
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (PortModel p : chosen) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", uniqueName(p, names));
            m.put("port", p.containerPort());
            putUnlessDefault(m, "protocol", p.protocol().spelling(), "TCP");
            if (nodePort && p.hostPort() >= NODE_PORT_MIN && p.hostPort() <= NODE_PORT_MAX) {
                m.put("nodePort", p.hostPort());
            }
            out.add(m);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("apiVersion", "v1");
        d.put("kind", "Service");
        d.put("metadata", ManifestWriter.metadata(name, pod.namespace()));
        Map<String, Object> spec = new LinkedHashMap<>();
        if (nodePort) {
            spec.put("type", "NodePort");
        }
        spec.put("selector", selector);
        spec.put("ports", out);
        d.put("spec", spec);
        return Optional.of(d);
    }

    /**
     * The container port's name, else podman's (the number), made unique by protocol then index.
     */
    private static String uniqueName(PortModel p, Set<String> taken) {
        String base = p.name() != null ? p.name() : String.valueOf(p.containerPort());
        String name = base;
        if (taken.contains(name)) {
            name = base + "-" + p.protocol().spelling().toLowerCase(java.util.Locale.ROOT);
        }
        for (int i = 2; taken.contains(name); i++) {
            name = base + "-" + i;
        }
        taken.add(name);
        return name;
    }
}
