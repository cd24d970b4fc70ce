package io.jpod.runtime.pod;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One step applied to many items at once, each on a virtual thread; the first failure wins. */
final class Parallel {

    private Parallel() {}

    interface Step<T, R> {
        R apply(T t) throws IOException, PodException;
    }

    /** Waits for every item, even after one failed, so that nothing is left half-done. */
    static <T, R> List<R> each(List<T> items, Step<T, R> step) throws IOException, PodException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> step.apply(item)));
            }
            List<R> results = new ArrayList<>();
            Throwable first = null;
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (first instanceof PodException pe) {
                throw pe;
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first != null) {
                throw new IOException(first.getMessage(), first);
            }
            return results;
        }
    }
}
