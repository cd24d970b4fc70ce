package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.volume.VolumeStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code system df}: images, containers and volumes, how many are in use and the space those not in
 * use would give back. A container's size is what it wrote to its own layer.
 */
public final class DiskUsage {

    /** One line of {@code system df}; {@code reclaimable} is the size of those not active. */
    public record Kind(String type, int total, int active, long size, long reclaimable) {}

    private final Runtime rt;
    private final Lookups lookups;

    DiskUsage(Runtime rt, Lookups lookups) {
        this.rt = rt;
        this.lookups = lookups;
    }

    List<Kind> usage() throws IOException {
        List<PodRecord> pods = lookups.pods();
        Set<String> usedImages = new HashSet<>();
        Set<String> usedVolumes = new HashSet<>();
        int containers = 0;
        int running = 0;
        long containerSize = 0;
        long idleContainers = 0;
        for (PodRecord pod : pods) {
            usedImages.addAll(pod.holds().imageIds());
            usedVolumes.addAll(pod.holds().volumes().keySet());
            for (ContainerRecord c : pod.allContainers()) {
                usedImages.add(c.imageId());
                long size = c.overlay() ? bytes(Path.of(c.rootfs()).resolveSibling("upper")) : 0;
                containers++;
                containerSize += size;
                if (lookups.alive(c)) {
                    running++;
                } else {
                    idleContainers += size;
                }
            }
        }
        List<Image> images = rt.images().list();
        long imageSize = 0;
        long idleImages = 0;
        int activeImages = 0;
        for (Image i : images) {
            imageSize += i.size();
            if (usedImages.contains(i.id())) {
                activeImages++;
            } else {
                idleImages += i.size();
            }
        }
        List<VolumeStore.Volume> volumes = rt.volumes().list();
        long volumeSize = 0;
        long idleVolumes = 0;
        int activeVolumes = 0;
        for (VolumeStore.Volume v : volumes) {
            long size = bytes(v.mountpoint());
            volumeSize += size;
            if (usedVolumes.contains(v.name())) {
                activeVolumes++;
            } else {
                idleVolumes += size;
            }
        }
        return List.of(
                new Kind("Images", images.size(), activeImages, imageSize, idleImages),
                new Kind("Containers", containers, running, containerSize, idleContainers),
                new Kind("Local Volumes", volumes.size(), activeVolumes, volumeSize, idleVolumes));
    }

    /** The bytes of the regular files below {@code dir}; what vanishes meanwhile counts nothing. */
    static long bytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.mapToLong(DiskUsage::size).sum();
        } catch (UncheckedIOException e) {
            return 0;
        }
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
