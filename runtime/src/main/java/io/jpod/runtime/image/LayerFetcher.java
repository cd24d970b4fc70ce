package io.jpod.runtime.image;

import io.jpod.runtime.image.archive.ArchivedLayer;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Fetches a pulled image's layer blobs for the store, which extracts them as it does a load. */
public interface LayerFetcher {

    /**
     * Every layer of the manifest, bottom first; only those at {@code positions} (the ones the
     * store lacks) are ever opened. Opening one starts its download: the stream is the blob as it
     * arrives, which the store hashes and checks as it extracts.
     */
    List<ArchivedLayer> layers(Set<Integer> positions) throws IOException;

    /** How many layers to fetch and extract at once. */
    int parallel();
}
