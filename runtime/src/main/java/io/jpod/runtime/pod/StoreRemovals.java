package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code rmi} and {@code volume rm}: the check that no pod uses the image or volume, and the
 * removal, under the global lock, so a play that reserves it meanwhile either comes first (and the
 * removal is refused) or finds it gone. A pod holds what its init containers use too, and holds it
 * from the moment its name is reserved, before any of its containers exists.
 */
final class StoreRemovals {

    private final Runtime rt;

    StoreRemovals(Runtime rt) {
        this.rt = rt;
    }

    /** Untags or removes an image; returns it as it was. */
    Image removeImage(String name) throws IOException, ImageException {
        try (StateStore.Lock ignored = rt.state().lock()) {
            Image image =
                    rt.images()
                            .find(name)
                            .orElseThrow(() -> new ImageException(name + ": image not known"));
            for (PodRecord pod : rt.state().pods()) {
                if (pod.usesImage(image.id())) {
                    throw new ImageException(
                            "image " + name + " is in use by " + user(pod, image.id()));
                }
            }
            return rt.images().remove(name);
        }
    }

    /** Removes a named volume and its data; refused while a pod holds it unless {@code force}. */
    void removeVolume(String name, boolean force) throws IOException, PodException {
        try (StateStore.Lock ignored = rt.state().lock()) {
            if (!force) {
                for (PodRecord pod : rt.state().pods()) {
                    List<String> users = pod.holds().volumes().get(name);
                    if (users != null) {
                        throw new PodException(
                                "volume "
                                        + name
                                        + " is being used by "
                                        + (users.isEmpty()
                                                ? "pod " + pod.name()
                                                : "container " + String.join(", ", users)));
                    }
                }
            }
            rt.volumes().remove(name);
        }
    }

    private static String user(PodRecord pod, String imageId) {
        Optional<ContainerRecord> c =
                pod.allContainers().stream().filter(x -> imageId.equals(x.imageId())).findFirst();
        return c.map(x -> "container " + x.name()).orElse("pod " + pod.name());
    }
}
