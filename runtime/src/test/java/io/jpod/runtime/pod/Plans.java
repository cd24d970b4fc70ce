package io.jpod.runtime.pod;

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

    static PodPlan volumes(List<VolumePlan> volumes) {
        return plan("web", "web", List.of(), List.of(), List.of(), volumes);
    }
}
