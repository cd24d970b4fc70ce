package io.jpod.runtime.spec;

import io.jpod.runtime.oci.IdMap;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.VolumePlan;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod's half of a container's spec input.
 *
 * @param hostname the pod's hostname, which only the infra sets: the others join its UTS namespace
 * @param netns the pod's network namespace file; null for hostNetwork
 * @param podDir where the pod's /etc files are
 * @param volumes every volume of the pod, mounted or not
 * @param noHosts the container keeps its image's /etc/hosts (absent in older records: false)
 * @param groups the groups every process has besides its own (fsGroup, supplementalGroups)
 * @param sysctls namespaced sysctls the containers set in the pod's namespaces
 * @param shm the directory bound at /dev/shm in every container, so that all of them (init
 *     containers too) share it as they share the IPC namespace; null for the runtime's own tmpfs
 *     (the infra, and containers recorded before the pod had one)
 * @param userns the pod's own user namespace (hostUsers: false), which the infra creates and the
 *     others join; null when the containers share jpod's
 */
public record PodInput(
        String hostname,
        String netns,
        boolean shareProcessNamespace,
        String podDir,
        List<VolumeSource> volumes,
        String catatonit,
        boolean noHosts,
        List<Long> groups,
        Map<String, String> sysctls,
        boolean hostIPC,
        boolean hostPID,
        String shm,
        IdMap userns) {

    public PodInput {
        volumes = List.copyOf(volumes);
        // inputs recorded before these existed read them as absent
        groups = groups == null ? List.of() : List.copyOf(groups);
        sysctls = sysctls == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sysctls));
    }

    /** An input with no pod security settings, the pod's /etc/hosts and the runtime's /dev/shm. */
    public PodInput(
            String hostname,
            String netns,
            boolean shareProcessNamespace,
            String podDir,
            List<VolumeSource> volumes,
            String catatonit) {
        this(
                hostname,
                netns,
                shareProcessNamespace,
                podDir,
                volumes,
                catatonit,
                false,
                List.of(),
                Map.of(),
                false,
                false,
                null,
                null);
    }

    /** The host's shared memory, which a hostIPC pod uses as the host's IPC namespace. */
    public static final String HOST_SHM = "/dev/shm";

    /**
     * The infra's: it holds the namespaces, mounts no volume, and runs the host's catatonit (found
     * once, by {@link io.jpod.runtime.host.Catatonit}).
     */
    public static PodInput infra(String hostname, Path netns, Path catatonit, IdMap userns) {
        return new PodInput(
                hostname,
                netns == null ? null : netns.toString(),
                false,
                "",
                List.of(),
                catatonit.toString(),
                false,
                List.of(),
                Map.of(),
                false,
                false,
                null,
                userns);
    }

    /** A pod's, with its volumes placed where {@code paths} say. */
    public static PodInput of(PodPlan plan, PodPaths paths, Path netns, IdMap userns) {
        List<VolumeSource> volumes = plan.volumes().stream().map(v -> source(v, paths)).toList();
        PodPlan.PodSecurity security = plan.security();
        return new PodInput(
                plan.hostname(),
                netns == null ? null : netns.toString(),
                plan.shareProcessNamespace(),
                paths.podDir().toString(),
                volumes,
                null,
                plan.noHosts(),
                security.groups(),
                security.sysctls(),
                security.hostIPC(),
                security.hostPID(),
                security.hostIPC() ? HOST_SHM : shm(paths.podDir()).toString(),
                userns);
    }

    /** Where the pod's own /dev/shm is mounted on the host. */
    public static Path shm(Path podDir) {
        return podDir.resolve("shm");
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
