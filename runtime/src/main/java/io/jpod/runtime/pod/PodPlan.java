package io.jpod.runtime.pod;

import io.jpod.runtime.state.PortMapping;

import java.util.List;
import java.util.Map;

/**
 * Everything the runtime needs to run one pod, already resolved and validated: no manifest, no
 * image defaults left to apply. Built by the caller from the model; the runtime never sees YAML.
 */
public record PodPlan(
        String name,
        String hostname,
        Map<String, String> labels,
        long gracePeriodSeconds,
        String restartPolicy,
        NetworkMode network,
        boolean shareProcessNamespace,
        List<PortMapping> ports,
        List<HostEntry> hostAliases,
        List<String> dnsServers,
        List<String> dnsSearches,
        List<VolumePlan> volumes,
        List<ContainerPlan> containers,
        List<ContainerPlan> initContainers,
        String source,
        boolean noHosts) {

    /** A plan whose containers bind the pod's /etc/hosts, as every pod's do by default. */
    public PodPlan(
            String name,
            String hostname,
            Map<String, String> labels,
            long gracePeriodSeconds,
            String restartPolicy,
            NetworkMode network,
            boolean shareProcessNamespace,
            List<PortMapping> ports,
            List<HostEntry> hostAliases,
            List<String> dnsServers,
            List<String> dnsSearches,
            List<VolumePlan> volumes,
            List<ContainerPlan> containers,
            List<ContainerPlan> initContainers,
            String source) {
        this(
                name,
                hostname,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                shareProcessNamespace,
                ports,
                hostAliases,
                dnsServers,
                dnsSearches,
                volumes,
                containers,
                initContainers,
                source,
                false);
    }

    public PodPlan {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = List.copyOf(ports);
        hostAliases = List.copyOf(hostAliases);
        dnsServers = List.copyOf(dnsServers);
        dnsSearches = List.copyOf(dnsSearches);
        volumes = List.copyOf(volumes);
        containers = List.copyOf(containers);
        initContainers = List.copyOf(initContainers);
    }

    /** This plan with other host ports ({@code play kube --publish}). */
    public PodPlan withPorts(List<PortMapping> next) {
        return new PodPlan(
                name,
                hostname,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                shareProcessNamespace,
                next,
                hostAliases,
                dnsServers,
                dnsSearches,
                volumes,
                containers,
                initContainers,
                source,
                noHosts);
    }

    /**
     * This plan with the containers keeping their image's /etc/hosts ({@code play kube
     * --no-hosts}).
     */
    public PodPlan withNoHosts() {
        return new PodPlan(
                name,
                hostname,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                shareProcessNamespace,
                ports,
                hostAliases,
                dnsServers,
                dnsSearches,
                volumes,
                containers,
                initContainers,
                source,
                true);
    }

    /** The user-mode network helper that connects the pod's namespace to the host. */
    public enum NetworkMode {
        SLIRP4NETNS,
        PASTA,
        /** hostNetwork: no namespace of its own; containers bind the host's ports themselves. */
        HOST;

        /** "slirp4netns" or "pasta", as podman's --network names them. */
        public static NetworkMode parse(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "slirp4netns" -> SLIRP4NETNS;
                case "pasta" -> PASTA;
                default ->
                        throw new IllegalArgumentException(
                                "unknown network " + name + ": use slirp4netns or pasta");
            };
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An extra /etc/hosts line. */
    public record HostEntry(String ip, List<String> hostnames) {}
}
