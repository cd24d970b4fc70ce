package io.jpod.runtime.pod;

import io.jpod.runtime.state.PortMapping;
import java.util.List;
import java.util.Map;

/**
 * Everything the runtime needs to run one pod, already resolved and validated: no manifest, no image defaults
 * left to apply. Built by the caller from the model; the runtime never sees YAML.
 */
public record PodPlan(
        String name,
        String hostname,
        Map<String, String> labels,
        long gracePeriodSeconds,
        String restartPolicy,
        boolean shareProcessNamespace,
        List<PortMapping> ports,
        List<HostEntry> hostAliases,
        List<String> dnsServers,
        List<String> dnsSearches,
        List<VolumePlan> volumes,
        List<ContainerPlan> containers) {

    public PodPlan {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = List.copyOf(ports);
        hostAliases = List.copyOf(hostAliases);
        dnsServers = List.copyOf(dnsServers);
        dnsSearches = List.copyOf(dnsSearches);
        volumes = List.copyOf(volumes);
        containers = List.copyOf(containers);
    }

    /** An extra /etc/hosts line. */
    public record HostEntry(String ip, List<String> hostnames) {
    }
}
