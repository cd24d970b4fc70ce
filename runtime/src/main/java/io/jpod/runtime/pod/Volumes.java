package io.jpod.runtime.pod;

import io.jpod.runtime.exec.RootfsPaths;
import io.jpod.runtime.spec.PodInput;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.spec.VolumeSource;
import io.jpod.runtime.storage.Mounts;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Pod volumes on the host. Volumes that live with the pod sit under the pod's directory; persistent
 * claims under the data directory's volumes/, as podman keeps named volumes.
 */
final class Volumes {

    private Volumes() {}

    /**
     * The pod's /dev/shm, which all its containers bind, as the kubelet's pod sandbox gives them
     * one shared IPC namespace: podman's default size.
     */
    static final String SHM_OPTIONS = "mode=1777,size=65536k,nosuid,nodev,noexec";

    /**
     * Creates what the pod's volumes need before any container mounts them, and the pod's /dev/shm.
     * With fsGroup, the pod's own volumes and its claims belong to that group, as the kubelet makes
     * them: directories group-writable and setgid, so that what the containers create there
     * inherits the group; written files group-readable. A claim is handed over at every play, as
     * the kubelet's default fsGroupChangePolicy (Always) does, so that a non-root pod can write the
     * data an earlier one left. (Host paths are left as they are, as the kubelet leaves them.)
     */
    static void prepare(PodPlan plan, Path podDir, Path namedVolumes, Processes processes)
            throws IOException, PodException {
        Long fsGroup = plan.security().fsGroup();
        if (!plan.security().hostIPC()) {
            Path shm = Files.createDirectories(PodInput.shm(podDir));
            new Mounts(processes).tmpfs(shm, SHM_OPTIONS);
        }
        for (VolumePlan v : plan.volumes()) {
            switch (v) {
                case VolumePlan.HostPath h -> prepareHostPath(h);
                case VolumePlan.EmptyDir e -> {
                    Path dir = Files.createDirectories(source(podDir, v));
                    if (e.memory()) {
                        new Mounts(processes).tmpfs(dir, "mode=1777");
                    }
                    Files.setPosixFilePermissions(dir, all());
                    if (fsGroup != null) {
                        FsGroup.own(v.name(), dir, fsGroup, false);
                    }
                }
                case VolumePlan.Files f -> {
                    Path dir = Files.createDirectories(source(podDir, v));
                    writeFiles(dir, f);
                    if (fsGroup != null) {
                        FsGroup.own(v.name(), dir, fsGroup, true);
                    }
                }
                case VolumePlan.Named n -> {
                    Path data =
                            Files.createDirectories(
                                    namedVolumes.resolve(n.claim()).resolve("_data"));
                    if (fsGroup != null) {
                        FsGroup.own(v.name(), data, fsGroup, false);
                    }
                }
            }
        }
    }

    /**
     * Unmounts what {@link #prepare} mounted (the pod's /dev/shm, memory-backed emptyDirs) so the
     * pod directory can be removed.
     */
    static void release(Path podDir, Processes processes) throws IOException {
        new Mounts(processes).unmount(PodInput.shm(podDir));
        Path volumes = podDir.resolve("volumes");
        if (!Files.isDirectory(volumes)) {
            return;
        }
        try (var dirs = Files.list(volumes)) {
            for (Path dir : dirs.toList()) {
                if (Mounts.isMountPoint(dir)) {
                    new Mounts(processes).unmountLazy(dir);
                }
            }
        }
    }

    /**
     * Makes each subPath a container mounts inside its volume, as the kubelet does. A container may
     * have planted a symbolic link in the volume, which the runtime would follow on the host (the
     * Kubernetes subPath CVEs): a subPath through any link is refused.
     */
    static void makeSubPaths(SpecInput in) throws PodException {
        for (ContainerPlan.MountPlan m : in.container().mounts()) {
            if (m.subPath() == null || m.subPath().isEmpty()) {
                continue;
            }
            VolumeSource v =
                    in.pod().volumes().stream()
                            .filter(x -> x.name().equals(m.volume()))
                            .findFirst()
                            .orElseThrow();
            try {
                RootfsPaths.beneath(Path.of(v.path()), m.subPath());
            } catch (RootfsPaths.LinkRefused e) {
                throw new PodException(
                        "container "
                                + in.container().name()
                                + ": subPath "
                                + m.subPath()
                                + " of volume "
                                + m.volume()
                                + " leads through a symbolic link ("
                                + e.getMessage()
                                + ")",
                        e);
            } catch (IOException e) {
                throw new PodException(
                        "container "
                                + in.container().name()
                                + ": cannot make subPath "
                                + m.subPath()
                                + " of volume "
                                + m.volume()
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private static Path source(Path podDir, VolumePlan v) {
        return PodInput.podVolume(podDir, v.name());
    }

    private static void prepareHostPath(VolumePlan.HostPath h) throws IOException, PodException {
        Path path = Path.of(h.path());
        switch (h.create()) {
            case DIRECTORY -> {
                if (!Files.exists(path)) {
                    Files.createDirectories(path);
                }
            }
            case FILE -> {
                Files.createDirectories(path.getParent());
                if (!Files.exists(path)) {
                    Files.createFile(path);
                }
            }
            case NONE -> {
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
                    throw new PodException(
                            "hostPath " + path + " of volume " + h.name() + " does not exist");
                }
            }
        }
    }

    private static void writeFiles(Path dir, VolumePlan.Files f) throws IOException {
        for (VolumePlan.FileEntry e : f.files()) {
            Path target = dir.resolve(e.path()).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException(
                        "volume " + f.name() + ": item path " + e.path() + " escapes the volume");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, e.content());
            Files.setPosixFilePermissions(target, permissions(e.mode()));
        }
    }

    private static Set<PosixFilePermission> all() {
        return EnumSet.allOf(PosixFilePermission.class);
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
