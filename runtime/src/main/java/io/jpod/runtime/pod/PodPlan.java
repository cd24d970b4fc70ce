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
        boolean noHosts,
        PodSecurity security) {

    /**
     * A plan whose containers bind the pod's /etc/hosts, with no pod-level security settings, as
     * plans were before those existed.
     */
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
                false,
                PodSecurity.NONE);
    }

    public PodPlan {
        security = security == null ? PodSecurity.NONE : security;
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
                noHosts,
                security);
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
                true,
                security);
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

    /**
     * The pod's securityContext and host namespaces, as every container gets them.
     *
     * @param fsGroup the group that owns the pod's own volumes and that every process has; null
     *     when unset
     * @param supplementalGroups further groups of every process
     * @param sysctls namespaced sysctls, already checked to be the pod's own namespaces'
     * @param hostIPC whether the containers stay in the host's IPC namespace (and its /dev/shm)
     * @param hostPID whether the containers stay in the host's PID namespace
     * @param ownUsers whether the pod has a user namespace of its own (hostUsers: false)
     */
    public record PodSecurity(
            Long fsGroup,
            List<Long> supplementalGroups,
            Map<String, String> sysctls,
            boolean hostIPC,
            boolean hostPID,
            boolean ownUsers) {
        public static final PodSecurity NONE =
                new PodSecurity(null, List.of(), Map.of(), false, false);

        /** A pod in jpod's user namespace. */
        public PodSecurity(
                Long fsGroup,
                List<Long> supplementalGroups,
                Map<String, String> sysctls,
                boolean hostIPC,
                boolean hostPID) {
            this(fsGroup, supplementalGroups, sysctls, hostIPC, hostPID, false);
        }

        public PodSecurity {
            supplementalGroups =
                    supplementalGroups == null ? List.of() : List.copyOf(supplementalGroups);
            sysctls =
                    sysctls == null
                            ? Map.of()
                            : java.util.Collections.unmodifiableMap(
                                    new java.util.TreeMap<>(sysctls));
        }

        /** The groups every process gets besides its own: fsGroup first, as the kubelet lists. */
        public List<Long> groups() {
            java.util.LinkedHashSet<Long> all = new java.util.LinkedHashSet<>();
            if (fsGroup != null) {
                all.add(fsGroup);
            }
            all.addAll(supplementalGroups);
            return List.copyOf(all);
        }
    }

    /** An extra /etc/hosts line. */
    public record HostEntry(String ip, List<String> hostnames) {}
}
