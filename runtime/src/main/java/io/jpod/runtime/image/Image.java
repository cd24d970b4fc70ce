package io.jpod.runtime.image;

import java.time.Instant;
import java.util.List;

/**
 * An image in the store.
 *
 * @param id {@code sha256:<hex>} of the image config
 * @param names normalised references, e.g. {@code docker.io/library/busybox:latest}; empty for a
 *     dangling image
 * @param layers diff ids ({@code sha256:<hex>} of each uncompressed layer tar), bottom first
 * @param size the sum of the uncompressed layer sizes
 * @param digests {@code repository@sha256:<hex>} of the manifests it was pulled by, as podman's
 *     RepoDigests
 */
public record Image(
        String id,
        List<String> names,
        List<String> layers,
        ImageConfig config,
        Instant created,
        long size,
        List<String> digests) {

    public Image {
        names = List.copyOf(names);
        layers = List.copyOf(layers);
        digests = digests == null ? List.of() : List.copyOf(digests);
    }

    /** An image that was not pulled from a registry. */
    public Image(
            String id,
            List<String> names,
            List<String> layers,
            ImageConfig config,
            Instant created,
            long size) {
        this(id, names, layers, config, created, size, List.of());
    }

    /** The id without its {@code sha256:} prefix, as podman prints it. */
    public String hexId() {
        return id.substring("sha256:".length());
    }

    /** The first 12 hex digits of the id, as {@code podman images} shows it. */
    public String shortId() {
        return hexId().substring(0, 12);
    }
}
