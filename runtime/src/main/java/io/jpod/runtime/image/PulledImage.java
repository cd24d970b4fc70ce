package io.jpod.runtime.image;

import io.jpod.runtime.image.blob.Digest;

import java.util.List;

/**
 * An image fetched from a registry, up to its layers: its config already checked against its
 * digest.
 *
 * @param names fully qualified references to give it, e.g. {@code registry.example/app:1.0}
 * @param digests {@code repository@sha256:<hex>} of the manifests it was found by
 */
public record PulledImage(
        List<String> names, List<String> digests, byte[] config, Digest configDigest) {

    public PulledImage {
        names = List.copyOf(names);
        digests = List.copyOf(digests);
    }
}
