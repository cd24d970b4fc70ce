package io.jpod.cli.command;

import io.jpod.model.ContainerModel;
import io.jpod.model.ManifestSet;
import io.jpod.model.PodModel;
import io.jpod.model.PullPolicy;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.ImageRef;
import io.jpod.runtime.image.ImageStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images a manifest set's containers need, each looked up once and pulled as its {@code
 * imagePullPolicy} says: Always pulls, IfNotPresent pulls what is absent, Never only looks. When
 * containers disagree about one image, the eagerest policy wins. {@code localhost/} images are
 * never pulled, and a short name that cannot be pulled uses the local image it names.
 *
 * @param images by the name the manifest spells
 * @param errors one per image that could not be had, naming it
 */
record ImageResolution(Map<String, Image> images, List<String> errors) {

    static ImageResolution resolve(ImageStore store, ManifestSet set, PullOptions options)
            throws IOException {
        Map<String, PullPolicy> wanted = new LinkedHashMap<>();
        for (PodModel pod : set.pods()) {
            for (ContainerModel c : pod.allContainers()) {
                wanted.merge(c.image(), c.imagePullPolicy(), ImageResolution::eagerest);
            }
        }
        Map<String, Image> images = new HashMap<>();
        List<String> errors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        try (Puller puller = new Puller(store, options, System.getenv())) {
            for (Map.Entry<String, PullPolicy> e : wanted.entrySet()) {
                String name = e.getKey();
                Optional<Image> local = store.find(name);
                boolean pull =
                        !isLocal(name)
                                && (e.getValue() == PullPolicy.ALWAYS
                                        || (e.getValue() == PullPolicy.IF_NOT_PRESENT
                                                && local.isEmpty()));
                if (!pull) {
                    if (local.isPresent()) {
                        images.put(name, local.get());
                    } else if (e.getValue() == PullPolicy.NEVER && !isLocal(name)) {
                        errors.add("image not known: " + name + " (its imagePullPolicy is Never)");
                    } else {
                        unknown.add(name);
                    }
                    continue;
                }
                try {
                    images.put(name, puller.pull(name));
                } catch (ImageException pullFailed) {
                    if (local.isPresent() && !ImageRef.hasDomain(name)) {
                        // a short name with nowhere to pull it from: the local image it names will
                        // do
                        images.put(name, local.get());
                    } else {
                        errors.add("pulling " + name + ": " + pullFailed.getMessage());
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            errors.addFirst(
                    "image not known: "
                            + String.join(", ", unknown)
                            + " (load it with `jpod load -i ARCHIVE` or `jpod import ROOTFS.tar"
                            + " NAME`)");
        }
        return new ImageResolution(images, errors);
    }

    /** The images already in the store, pulling none: what {@code kube diff} plans with. */
    static ImageResolution local(ImageStore store, ManifestSet set) throws IOException {
        Map<String, Image> images = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (PodModel pod : set.pods()) {
            for (ContainerModel c : pod.allContainers()) {
                if (!images.containsKey(c.image())) {
                    Optional<Image> local = store.find(c.image());
                    if (local.isPresent()) {
                        images.put(c.image(), local.get());
                    } else if (!errors.contains(missing(c.image()))) {
                        errors.add(missing(c.image()));
                    }
                }
            }
        }
        return new ImageResolution(images, errors);
    }

    private static String missing(String image) {
        return "image not known: " + image + " (a diff pulls nothing: pull it first)";
    }

    private static boolean isLocal(String name) {
        return name.startsWith(ImageRef.LOCALHOST + "/");
    }

    private static PullPolicy eagerest(PullPolicy a, PullPolicy b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
