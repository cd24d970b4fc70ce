package io.jpod.runtime.pod;

import io.jpod.runtime.spec.PodInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Updates a running pod's ConfigMap, Secret and downward API files in place, as the kubelet does
 * when only their data changed: each file is written beside its target and renamed over it, so a
 * container reads the old content or the new, never a mix; files the new plan no longer has are
 * removed. A container that mounts a single file by subPath keeps the old one, as under the
 * kubelet, because its bind mount holds the old inode.
 */
final class VolumeFilesSwap {

    private VolumeFilesSwap() {}

    static void update(PodPlan plan, Path podDir) throws IOException {
        for (VolumePlan v : plan.volumes()) {
            if (v instanceof VolumePlan.Files f) {
                update(PodInput.podVolume(podDir, f.name()), f);
            }
        }
    }

    private static void update(Path dir, VolumePlan.Files f) throws IOException {
        Files.createDirectories(dir);
        Set<Path> kept = new HashSet<>();
        for (VolumePlan.FileEntry e : f.files()) {
            Path target = dir.resolve(e.path()).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException(
                        "volume " + f.name() + ": item path " + e.path() + " escapes the volume");
            }
            Files.createDirectories(target.getParent());
            Path next = target.resolveSibling(".." + target.getFileName() + ".next");
            Files.write(next, e.content());
            Files.setPosixFilePermissions(next, Volumes.permissions(e.mode()));
            Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
            kept.add(target);
        }
        List<Path> gone;
        try (Stream<Path> all = Files.walk(dir)) {
            gone =
                    all.filter(Files::isRegularFile)
                            .filter(p -> !kept.contains(p.normalize()))
                            .toList();
        }
        for (Path p : gone) {
            Files.deleteIfExists(p);
        }
    }
}
