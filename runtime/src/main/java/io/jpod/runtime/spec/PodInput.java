package io.jpod.runtime.spec;

import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.VolumePlan;

import java.nio.file.Path;
import java.util.List;

/**
 * The pod's half of a container's spec input.
 *
 * @param hostname the pod's hostname, which only the infra sets: the others join its UTS namespace
 * @param netns the pod's network namespace file; null for hostNetwork
 * @param podDir where the pod's /etc files are
 * @param volumes every volume of the pod, mounted or not
 * @param noHosts the container keeps its image's /etc/hosts (absent in older records: false)
 */
public record PodInput(
        String hostname,
        String netns,
        boolean shareProcessNamespace,
        String podDir,
        List<VolumeSource> volumes,
        String catatonit,
        boolean noHosts) {

    public PodInput {
        volumes = List.copyOf(volumes);
    }

    public PodInput(
            String hostname,
            String netns,
            boolean shareProcessNamespace,
            String podDir,
            List<VolumeSource> volumes,
            String catatonit) {
        this(hostname, netns, shareProcessNamespace, podDir, volumes, catatonit, false);
    }

    /**
     * The infra's: it holds the namespaces, mounts no volume, and runs the host's catatonit (found
     * once, by {@link io.jpod.runtime.host.Catatonit}).
     */
    public static PodInput infra(String hostname, Path netns, Path catatonit) {
        return new PodInput(
                hostname,
                netns == null ? null : netns.toString(),
                false,
                "",
                List.of(),
                catatonit.toString());
    }

    /** A pod's, with its volumes placed where {@code paths} say. */
    public static PodInput of(PodPlan plan, PodPaths paths, Path netns) {
        List<VolumeSource> volumes = plan.volumes().stream().map(v -> source(v, paths)).toList();
        return new PodInput(
                plan.hostname(),
                netns == null ? null : netns.toString(),
                plan.shareProcessNamespace(),
                paths.podDir().toString(),
                volumes,
                null,
                plan.noHosts());
    }

    private static VolumeSource source(VolumePlan v, PodPaths paths) {
        Path path =
                switch (v) {
                    case VolumePlan.HostPath h -> Path.of(h.path());
                    case VolumePlan.Named n ->
                            paths.namedVolumes().resolve(n.claim()).resolve("_data");
                    default -> podVolume(paths.podDir(), v.name());
                };
        return new VolumeSource(v.name(), path.toString(), v instanceof VolumePlan.Files);
    }

    /** Where a volume that lives with the pod (emptyDir, files) is kept. */
    public static Path podVolume(Path podDir, String name) {
        return podDir.resolve("volumes").resolve(name);
    }
}
