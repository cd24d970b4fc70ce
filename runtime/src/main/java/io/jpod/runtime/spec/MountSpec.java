package io.jpod.runtime.spec;

import io.jpod.runtime.host.Catatonit;
import io.jpod.runtime.oci.BundleSpec.Mount;
import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.PodException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's mounts besides the runtime's defaults: the /etc files, the pod's /dev/shm (and the
 * host's /proc with hostPID), then its volumeMounts in manifest order, and last its termination
 * log, so that no volume hides it. The infra binds only the host's catatonit.
 */
public final class MountSpec {

    private MountSpec() {}

    static List<Mount> of(SpecInput in) {
        if (in.forInfra()) {
            return List.of(Mount.bind(in.pod().catatonit(), Catatonit.IN_CONTAINER, true));
        }
        List<Mount> mounts = new ArrayList<>(EtcFiles.mounts(in.pod()));
        if (PodInput.HOST_SHM.equals(in.pod().shm())) {
            mounts.add(Mount.bind(in.pod().shm(), "/dev/shm", false));
        } else if (in.pod().shm() != null) {
            // with the noexec its tmpfs has: a pod's own user namespace may not drop a flag of a
            // mount made in jpod's, and the runtime asks for the bind's flags only
            mounts.add(
                    new Mount(
                            "/dev/shm",
                            "bind",
                            in.pod().shm(),
                            List.of("rbind", "nosuid", "noexec", "nodev")));
        }
        if (in.pod().hostPID()) {
            // a user namespace may not mount a proc of the host's PID namespace afresh: bind it
            mounts.add(
                    new Mount(
                            "/proc",
                            "bind",
                            "/proc",
                            List.of("rbind", "nosuid", "noexec", "nodev")));
        }
        for (ContainerPlan.MountPlan m : in.container().mounts()) {
            VolumeSource v = volume(in, m).orElseThrow();
            mounts.add(volumeMount(v, m));
        }
        if (in.terminationLog() != null) {
            mounts.add(
                    Mount.bind(
                            in.terminationLog(),
                            in.container().life().terminationMessagePath(),
                            false));
        }
        return mounts;
    }

    /** The host directories (or files) a container's volumeMounts bind. */
    public static List<Path> sources(SpecInput in) {
        if (in.forInfra()) {
            return List.of();
        }
        return in.container().mounts().stream()
                .map(m -> source(volume(in, m).orElseThrow(), m))
                .toList();
    }

    /** Refuses mounts of volumes the pod lacks and subPaths that leave their volume by name. */
    static void check(SpecInput in) throws PodException {
        for (ContainerPlan.MountPlan m : in.container().mounts()) {
            VolumeSource v =
                    volume(in, m)
                            .orElseThrow(
                                    () ->
                                            new PodException(
                                                    "container "
                                                            + in.container().name()
                                                            + " mounts unknown volume "
                                                            + m.volume()));
            if (!source(v, m).startsWith(Path.of(v.path()))) {
                throw new PodException(
                        "subPath "
                                + m.subPath()
                                + " of volume "
                                + m.volume()
                                + " escapes the volume");
            }
        }
    }

    private static Optional<VolumeSource> volume(SpecInput in, ContainerPlan.MountPlan m) {
        return in.pod().volumes().stream().filter(v -> v.name().equals(m.volume())).findFirst();
    }

    /** The volume's directory, or the subPath in it; links in it are the I/O side's to refuse. */
    private static Path source(VolumeSource v, ContainerPlan.MountPlan m) {
        Path volume = Path.of(v.path());
        return hasSubPath(m) ? volume.resolve(m.subPath()).normalize() : volume;
    }

    static boolean hasSubPath(ContainerPlan.MountPlan m) {
        return m.subPath() != null && !m.subPath().isEmpty();
    }

    private static Mount volumeMount(VolumeSource v, ContainerPlan.MountPlan m) {
        Mount bind =
                Mount.bind(source(v, m).toString(), m.destination(), m.readOnly() || v.readOnly());
        String propagation =
                switch (m.propagation()) {
                    case NONE -> null;
                    case HOST_TO_CONTAINER -> "rslave";
                    case BIDIRECTIONAL -> "rshared";
                };
        if (propagation == null) {
            return bind;
        }
        List<String> options = new ArrayList<>(bind.options());
        options.add(propagation);
        return new Mount(bind.destination(), bind.type(), bind.source(), List.copyOf(options));
    }
}
