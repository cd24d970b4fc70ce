package io.jpod.runtime.image;

import io.jpod.runtime.image.archive.ArchivedLayer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Fetches a pulled image's layer blobs for the store, which extracts them as it does a load. */
public interface LayerFetcher extends AutoCloseable {

    /**
     * Starts fetching the layers at {@code positions} of the manifest (the ones the store lacks)
     * into files under {@code tmp}, and returns every layer, bottom first. Opening one waits until
     * it has arrived and checked out; the others are never opened.
     */
    List<ArchivedLayer> start(Set<Integer> positions, Path tmp) throws IOException;

    /** Stops what is still being fetched and removes the fetched files. */
    @Override
    void close() throws IOException;
}
