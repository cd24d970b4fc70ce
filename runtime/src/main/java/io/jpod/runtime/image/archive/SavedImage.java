package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;

import java.util.List;

/**
 * An image as {@code save} writes it.
 *
 * @param names normalised references, written as the archive's tags
 * @param layers diff ids, bottom first, each with the size of its tar
 */
public record SavedImage(
        List<String> names, Digest configDigest, byte[] config, List<SavedLayer> layers) {

    public SavedImage {
        names = List.copyOf(names);
        layers = List.copyOf(layers);
    }

    /** One layer: its uncompressed tar is written by the store on demand. */
    public record SavedLayer(Digest diffId, long size) {}
}
