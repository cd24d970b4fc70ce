package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.volume.VolumeStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code system reset}: every pod (stopped at once), image and volume, then whatever else jpod
 * keeps in its data directory. The pause process and the run directory stay, as they hold nothing
 * of the user's.
 */
final class SystemReset {

    private final Runtime rt;
    private final Remove remove;
    private final StoreRemovals removals;

    SystemReset(Runtime rt, Remove remove, StoreRemovals removals) {
        this.rt = rt;
        this.remove = remove;
        this.removals = removals;
    }

    void reset() throws JpodException, IOException {
        remove.removeAll(true);
        for (Image image : rt.images().list()) {
            removals.removeImage(image.id());
        }
        for (VolumeStore.Volume v : rt.volumes().list()) {
            removals.removeVolume(v.name(), true);
        }
        Path data = rt.layout().dataDir();
        if (Files.isDirectory(data)) {
            List<Path> children;
            try (Stream<Path> list = Files.list(data)) {
                children = list.toList();
            }
            for (Path child : children) {
                PodTeardown.deleteTree(child);
            }
        }
    }
}
