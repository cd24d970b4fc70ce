package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;

import java.util.List;

/**
 * An image found in an archive, its config already checked against its digest.
 *
 * @param names references as the archive writes them, not normalised
 * @param unqualifiedNamesAreLocal whether a name without a registry means {@code localhost/} (OCI
 *     ref names, as podman reads them) rather than Docker Hub (docker-archive RepoTags)
 * @param layers bottom first
 */
public record ArchivedImage(
        List<String> names,
        boolean unqualifiedNamesAreLocal,
        byte[] config,
        Digest configDigest,
        List<ArchivedLayer> layers) {

    public ArchivedImage {
        names = List.copyOf(names);
        layers = List.copyOf(layers);
    }
}
