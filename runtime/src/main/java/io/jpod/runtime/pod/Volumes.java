package io.jpod.runtime.pod;

import io.jpod.runtime.oci.BundleSpec;
import io.jpod.runtime.storage.Mounts;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Pod volumes on the host. Volumes that live with the pod sit under the pod's directory; persistent
 * claims under the data directory's volumes/, as podman keeps named volumes.
 */
final class Volumes {

    private Volumes() {}

    /** Creates what the pod's volumes need before any container mounts them. */
    static void prepare(PodPlan plan, Path podDir, Path namedVolumes, Processes processes)
            throws IOException, PodException {
        for (VolumePlan v : plan.volumes()) {
            switch (v) {
                case VolumePlan.HostPath h -> prepareHostPath(h);
                case VolumePlan.EmptyDir e -> {
                    Path dir = Files.createDirectories(source(podDir, v));
                    if (e.memory()) {
                        new Mounts(processes).tmpfs(dir, "mode=1777");
                    }
                    Files.setPosixFilePermissions(dir, all());
                }
                case VolumePlan.Files f ->
                        writeFiles(Files.createDirectories(source(podDir, v)), f);
                case VolumePlan.Named n ->
                        Files.createDirectories(namedVolumes.resolve(n.claim()).resolve("_data"));
            }
        }
    }

    /**
     * Unmounts what {@link #prepare} mounted (memory-backed emptyDirs) so the pod directory can be
     * removed.
     */
    static void release(Path podDir, Processes processes) throws IOException {
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

    /** The mounts of one container's volumeMounts. */
    static List<BundleSpec.Mount> mounts(
            PodPlan plan, ContainerPlan c, Path podDir, Path namedVolumes)
            throws PodException, IOException {
        List<BundleSpec.Mount> mounts = new ArrayList<>();
        for (ContainerPlan.MountPlan m : c.mounts()) {
            VolumePlan v =
                    plan.volumes().stream()
                            .filter(x -> x.name().equals(m.volume()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new PodException(
                                                    "container "
                                                            + c.name()
                                                            + " mounts unknown volume "
                                                            + m.volume()));
            Path source =
                    switch (v) {
                        case VolumePlan.HostPath h -> Path.of(h.path());
                        case VolumePlan.Named n -> namedVolumes.resolve(n.claim()).resolve("_data");
                        default -> source(podDir, v);
                    };
            if (m.subPath() != null && !m.subPath().isEmpty()) {
                Path sub = source.resolve(m.subPath()).normalize();
                if (!sub.startsWith(source)) {
                    throw new PodException(
                            "subPath "
                                    + m.subPath()
                                    + " of volume "
                                    + m.volume()
                                    + " escapes the volume");
                }
                source = insideVolume(source, sub, m);
            }
            boolean readOnly = m.readOnly() || v instanceof VolumePlan.Files;
            mounts.add(BundleSpec.Mount.bind(source.toString(), m.destination(), readOnly));
        }
        return mounts;
    }

    /**
     * A subPath the lexical check let through can still leave the volume through a symbolic link
     * that a container planted in it (the Kubernetes subPath CVEs): the nearest existing ancestor
     * must resolve inside the volume. A missing subPath is made as a directory, as the kubelet
     * does.
     */
    private static Path insideVolume(Path volume, Path sub, ContainerPlan.MountPlan m)
            throws PodException, IOException {
        Path existing = sub;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS) && !existing.equals(volume)) {
            existing = existing.getParent();
        }
        Path root = volume.toRealPath();
        if (!existing.toRealPath().startsWith(root)) {
            throw new PodException(
                    "subPath "
                            + m.subPath()
                            + " of volume "
                            + m.volume()
                            + " leads out of the volume through a symbolic link");
        }
        if (!Files.exists(sub, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(sub);
        }
        if (!sub.toRealPath().startsWith(root)) {
            throw new PodException(
                    "subPath "
                            + m.subPath()
                            + " of volume "
                            + m.volume()
                            + " leads out of the volume through a symbolic link");
        }
        return sub;
    }

    private static Path source(Path podDir, VolumePlan v) {
        return podDir.resolve("volumes").resolve(v.name());
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
