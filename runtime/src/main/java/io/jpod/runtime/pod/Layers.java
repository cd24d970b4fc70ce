package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.oci.IdMap;
import io.jpod.runtime.state.ContainerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The layers a container's rootfs is mounted from again, by the image id it was created from. */
final class Layers {

    private final Runtime rt;

    Layers(Runtime rt) {
        this.rt = rt;
    }

    /** Looked up only if the rootfs must be mounted again. */
    Supplier<List<Path>> of(ContainerRecord c) {
        return () -> {
            try {
                return rt.images().list().stream()
                        .filter(i -> i.id().equals(c.imageId()))
                        .findFirst()
                        .map(i -> paths(i, c))
                        .orElseThrow(
                                () ->
                                        new UncheckedIOException(
                                                new IOException(
                                                        "image "
                                                                + c.image()
                                                                + " of "
                                                                + c.name()
                                                                + " is no longer in the store")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Shifted copies for a container of a pod with a user namespace of its own. */
    private List<Path> paths(Image image, ContainerRecord c) {
        IdMap userns = c.spec() == null ? null : c.spec().pod().userns();
        if (userns == null) {
            return rt.images().layerPaths(image);
        }
        try {
            return rt.images().shiftedLayerPaths(image, userns.shift(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
