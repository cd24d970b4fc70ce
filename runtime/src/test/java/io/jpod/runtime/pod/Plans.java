package io.jpod.runtime.pod;

import io.jpod.runtime.probe.ContainerProbes;
import io.jpod.runtime.probe.ProbePlan;

import java.util.List;
import java.util.Map;

/** PodPlans for the pod tests, with only what a test sets. */
final class Plans {

    private Plans() {}

    static PodPlan plan(
            String name,
            String hostname,
            List<PodPlan.HostEntry> aliases,
            List<String> dnsServers,
            List<String> dnsSearches,
            List<VolumePlan> volumes) {
        return new PodPlan(
                name,
                hostname,
                Map.of(),
                30,
                "Always",
                PodPlan.NetworkMode.SLIRP4NETNS,
                false,
                List.of(),
                aliases,
                dnsServers,
                dnsSearches,
                volumes,
                List.of(),
                List.of(),
                "");
    }

    /** A pod of app and init containers, all of {@code imageId}, on pasta. */
    static PodPlan pod(
            String name,
            String restartPolicy,
            long grace,
            List<ContainerPlan> inits,
            List<ContainerPlan> containers) {
        return new PodPlan(
                name,
                name,
                Map.of(),
                grace,
                restartPolicy,
                PodPlan.NetworkMode.PASTA,
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                containers,
                inits,
                "kind: Pod\n");
    }

    static PodPlan pod(String name, String imageId, String... containers) {
        return pod(
                name,
                "Always",
                30,
                List.of(),
                java.util.Arrays.stream(containers).map(c -> container(c, imageId)).toList());
    }

    static ContainerPlan container(String name, String imageId) {
        return new ContainerPlan(
                name,
                "box",
                imageId,
                List.of("/bin/sh"),
                List.of("PATH=/bin"),
                "",
                "",
                false,
                false,
                false,
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /**
     * A native sidecar (an init container with restartPolicy Always), with a startup probe or none.
     */
    static ContainerPlan sidecar(String name, String imageId, ProbePlan startup) {
        return with(
                container(name, imageId),
                new ContainerProbes(null, null, startup),
                new LifePlan(null, null, "TERM", null, false, true));
    }

    /** The container with these probes and this life. */
    static ContainerPlan with(ContainerPlan c, ContainerProbes probes, LifePlan life) {
        return new ContainerPlan(
                c.name(),
                c.image(),
                c.imageId(),
                c.argv(),
                c.env(),
                c.workingDir(),
                c.user(),
                c.tty(),
                c.privileged(),
                c.readOnlyRootfs(),
                c.noNewPrivileges(),
                c.capAdd(),
                c.capDrop(),
                c.mounts(),
                c.secretEnv(),
                probes,
                c.confinement(),
                life);
    }

    /** The pod on the host's network, as hostNetwork: true plans it. */
    static PodPlan onHostNetwork(PodPlan p) {
        return new PodPlan(
                p.name(),
                p.hostname(),
                p.labels(),
                p.gracePeriodSeconds(),
                p.restartPolicy(),
                PodPlan.NetworkMode.HOST,
                p.shareProcessNamespace(),
                p.ports(),
                p.hostAliases(),
                p.dnsServers(),
                p.dnsSearches(),
                p.volumes(),
                p.containers(),
                p.initContainers(),
                p.source());
    }

    static PodPlan withVolumes(PodPlan p, List<VolumePlan> volumes) {
        return new PodPlan(
                p.name(),
                p.hostname(),
                p.labels(),
                p.gracePeriodSeconds(),
                p.restartPolicy(),
                p.network(),
                p.shareProcessNamespace(),
                p.ports(),
                p.hostAliases(),
                p.dnsServers(),
                p.dnsSearches(),
                volumes,
                p.containers(),
                p.initContainers(),
                p.source());
    }

    static PodPlan volumes(List<VolumePlan> volumes) {
        return plan("web", "web", List.of(), List.of(), List.of(), volumes);
    }
}
