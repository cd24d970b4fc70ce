package io.jpod.model;

import java.util.List;
import java.util.Map;

/**
 * A validated pod. Defaults are applied at load, so every value here is the effective one: hostname
 * is spec.hostname or the pod name, restartPolicy and terminationGracePeriodSeconds have
 * Kubernetes' defaults. uid is derived from namespace and name (a name-based UUID), so it is stable
 * across runs; a uid in the manifest is ignored, as the API server ignores it. workloadName is the
 * Deployment, DaemonSet or Job the pod came from, or the pod's own name.
 */
public record PodModel(
        SourceKind sourceKind,
        String workloadName,
        String name,
        String namespace,
        String uid,
        Map<String, String> labels,
        Map<String, String> annotations,
        String hostname,
        String subdomain,
        boolean setHostnameAsFQDN,
        RestartPolicy restartPolicy,
        long terminationGracePeriodSeconds,
        boolean hostNetwork,
        boolean hostPID,
        boolean hostIPC,
        boolean shareProcessNamespace,
        Boolean hostUsers,
        String serviceAccountName,
        String nodeName,
        PodSecurityModel securityContext,
        List<ContainerModel> initContainers,
        List<ContainerModel> containers,
        List<VolumeModel> volumes,
        List<HostAlias> hostAliases,
        DnsPolicy dnsPolicy,
        DnsConfig dnsConfig) {

    public static String uidFor(String namespace, String name) {
        return NameUuid.of(
                (namespace + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The hostname the kubelet would give a pod with no spec.hostname: its name, cut to 63
     * characters without a trailing '-' or '.'.
     */
    public static String defaultHostname(String podName) {
        String h = podName.length() > 63 ? podName.substring(0, 63) : podName;
        while (h.endsWith("-") || h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** Init containers then containers, the order names must be unique in. */
    public List<ContainerModel> allContainers() {
        return java.util.stream.Stream.concat(initContainers.stream(), containers.stream())
                .toList();
    }

    public java.util.Optional<ContainerModel> container(String name) {
        return allContainers().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public java.util.Optional<VolumeModel> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** This pod as if it had been written as a plain Pod. */
    public PodModel asPod() {
        return new PodModel(
                SourceKind.POD,
                name,
                name,
                namespace,
                uid,
                labels,
                annotations,
                hostname,
                subdomain,
                setHostnameAsFQDN,
                restartPolicy,
                terminationGracePeriodSeconds,
                hostNetwork,
                hostPID,
                hostIPC,
                shareProcessNamespace,
                hostUsers,
                serviceAccountName,
                nodeName,
                securityContext,
                initContainers,
                containers,
                volumes,
                hostAliases,
                dnsPolicy,
                dnsConfig);
    }

    /**
     * This pod with {@code extra} annotations over its own ({@code play kube --annotation}); a key
     * in both takes the extra value.
     */
    public PodModel withAnnotations(Map<String, String> extra) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(annotations);
        merged.putAll(extra);
        return new PodModel(
                sourceKind,
                workloadName,
                name,
                namespace,
                uid,
                labels,
                merged,
                hostname,
                subdomain,
                setHostnameAsFQDN,
                restartPolicy,
                terminationGracePeriodSeconds,
                hostNetwork,
                hostPID,
                hostIPC,
                shareProcessNamespace,
                hostUsers,
                serviceAccountName,
                nodeName,
                securityContext,
                initContainers,
                containers,
                volumes,
                hostAliases,
                dnsPolicy,
                dnsConfig);
    }
}
