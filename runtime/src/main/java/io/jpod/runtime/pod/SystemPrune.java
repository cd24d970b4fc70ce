package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.volume.VolumeStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code system prune} and {@code volume prune}: removes pods of which nothing runs, then the
 * images (those without a name; with {@code all}, every one) and, if asked, the volumes that no
 * remaining pod holds. Each removal goes through the verb that removes one, with its checks under
 * the locks, so what a play takes meanwhile stays.
 */
public final class SystemPrune {

    /** What a prune removes, or removed. */
    public record Selection(List<PodRecord> pods, List<Image> images, List<String> volumes) {}

    private final Runtime rt;
    private final Lookups lookups;
    private final Remove remove;
    private final StoreRemovals removals;

    SystemPrune(Runtime rt, Lookups lookups, Remove remove, StoreRemovals removals) {
        this.rt = rt;
        this.lookups = lookups;
        this.remove = remove;
        this.removals = removals;
    }

    /**
     * What a prune would remove: the pods with no container running, infra included, and then what
     * no other pod holds.
     */
    static Selection select(
            List<PodRecord> pods,
            Predicate<ContainerRecord> running,
            List<Image> images,
            List<String> volumes,
            boolean allImages,
            boolean withVolumes) {
        List<PodRecord> idle = new ArrayList<>();
        Set<String> heldImages = new HashSet<>();
        Set<String> heldVolumes = new HashSet<>();
        for (PodRecord pod : pods) {
            if (pod.allContainers().stream().noneMatch(running)) {
                idle.add(pod);
            } else {
                pod.allContainers().forEach(c -> heldImages.add(c.imageId()));
                heldImages.addAll(pod.holds().imageIds());
                heldVolumes.addAll(pod.holds().volumes().keySet());
            }
        }
        List<Image> unusedImages =
                images.stream()
                        .filter(i -> allImages || i.names().isEmpty())
                        .filter(i -> !heldImages.contains(i.id()))
                        .toList();
        List<String> unusedVolumes =
                withVolumes
                        ? volumes.stream().filter(v -> !heldVolumes.contains(v)).toList()
                        : List.of();
        return new Selection(idle, unusedImages, unusedVolumes);
    }

    Selection plan(boolean allImages, boolean withVolumes) throws IOException {
        return select(
                lookups.pods(),
                lookups::alive,
                rt.images().list(),
                rt.volumes().list().stream().map(VolumeStore.Volume::name).toList(),
                allImages,
                withVolumes);
    }

    /** Returns what was removed; what was taken meanwhile is left, and not reported. */
    Selection prune(boolean allImages, boolean withVolumes) throws IOException {
        Selection planned = plan(allImages, withVolumes);
        List<PodRecord> pods = new ArrayList<>();
        for (PodRecord pod : planned.pods()) {
            if (attempt(() -> remove.remove(pod.id(), false))) {
                pods.add(pod);
            }
        }
        // the pods' removal may have freed more: plan the rest again
        Selection rest = plan(allImages, withVolumes);
        List<Image> images = new ArrayList<>();
        for (Image image : rest.images()) {
            if (attempt(() -> removals.removeImage(image.id()))) {
                images.add(image);
            }
        }
        List<String> volumes = new ArrayList<>();
        for (String volume : rest.volumes()) {
            if (removedVolume(volume)) {
                volumes.add(volume);
            }
        }
        return new Selection(pods, images, volumes);
    }

    /** {@code volume prune}: the volumes no pod holds, whether it runs or not. */
    List<String> pruneVolumes() throws IOException {
        Set<String> held = new HashSet<>();
        lookups.pods().forEach(p -> held.addAll(p.holds().volumes().keySet()));
        List<String> removed = new ArrayList<>();
        for (VolumeStore.Volume v : rt.volumes().list()) {
            if (!held.contains(v.name()) && removedVolume(v.name())) {
                removed.add(v.name());
            }
        }
        return removed;
    }

    private boolean removedVolume(String name) throws IOException {
        return attempt(
                () -> {
                    removals.removeVolume(name, false);
                    return name;
                });
    }

    private interface Step {
        Object run() throws JpodException, IOException;
    }

    private static boolean attempt(Step step) throws IOException {
        try {
            step.run();
            return true;
        } catch (JpodException e) {
            return false; // in use again, or gone: not this prune's to remove
        }
    }
}
