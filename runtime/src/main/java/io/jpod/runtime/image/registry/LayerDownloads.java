package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.LayerFetcher;
import io.jpod.runtime.image.archive.ArchiveException;
import io.jpod.runtime.image.archive.ArchivedLayer;
import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A manifest's layer blobs, each streamed from the registry into the store's extraction when the
 * store opens it: no blob is written to disk whole.
 */
final class LayerDownloads implements LayerFetcher {

    private final BlobPuller blobs;
    private final String repository;
    private final List<Descriptor> layers;
    private final PullListener listener;
    private final int parallel;

    LayerDownloads(
            BlobPuller blobs,
            String repository,
            List<Descriptor> layers,
            PullListener listener,
            int parallel) {
        this.blobs = blobs;
        this.repository = repository;
        this.layers = List.copyOf(layers);
        this.listener = listener;
        this.parallel = parallel;
    }

    @Override
    public List<ArchivedLayer> layers(Set<Integer> positions) throws IOException {
        List<ArchivedLayer> result = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            Digest digest;
            try {
                digest = Digest.parse(layer.digest());
            } catch (IllegalArgumentException e) {
                throw new IOException(
                        "a manifest names a layer by a bad digest: " + e.getMessage());
            }
            if (!positions.contains(i)) {
                listener.layerExists(layer.digest());
                result.add(
                        new ArchivedLayer(
                                layer.digest(),
                                Optional.of(digest),
                                () -> {
                                    throw new ArchiveException("already stored");
                                }));
                continue;
            }
            result.add(
                    new ArchivedLayer(
                            layer.digest(),
                            Optional.of(digest),
                            () -> {
                                try {
                                    return blobs.open(repository, layer, listener);
                                } catch (RegistryException e) {
                                    throw new ArchiveException(e.getMessage(), e);
                                }
                            }));
        }
        return result;
    }

    @Override
    public int parallel() {
        return parallel;
    }
}
