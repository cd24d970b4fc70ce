package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.LayerFetcher;
import io.jpod.runtime.image.archive.ArchiveException;
import io.jpod.runtime.image.archive.ArchivedLayer;
import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A manifest's layer blobs, fetched a few at a time into the store's temporary directory while the
 * store extracts the ones that have arrived, bottom first.
 */
final class LayerDownloads implements LayerFetcher {

    private final BlobPuller blobs;
    private final String repository;
    private final List<Descriptor> layers;
    private final PullListener listener;
    private final int parallel;
    private final List<Path> files = new ArrayList<>();
    private ExecutorService pool;

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
    public List<ArchivedLayer> start(Set<Integer> positions, Path tmp) throws IOException {
        pool =
                Executors.newFixedThreadPool(
                        parallel, Thread.ofPlatform().daemon().name("jpod-pull-", 0).factory());
        Map<String, Future<Path>> started = new HashMap<>();
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
            Future<Path> fetched =
                    started.computeIfAbsent(
                            layer.digest(),
                            d -> {
                                Path file = tmp.resolve("pull-" + digest.hex());
                                files.add(file);
                                return pool.submit(
                                        () -> {
                                            blobs.pull(repository, layer, file, listener);
                                            return file;
                                        });
                            });
            result.add(
                    new ArchivedLayer(
                            layer.digest(),
                            Optional.of(digest),
                            () -> Files.newInputStream(await(fetched))));
        }
        return result;
    }

    private static Path await(Future<Path> fetched) throws IOException, ArchiveException {
        try {
            return fetched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new ArchiveException(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }
}
