package io.jpod.runtime.pod;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * One step applied to many items at once, each on a virtual thread, the first failure winning; or
 * one step beside the caller's own work, always waited for.
 */
final class Parallel {

    private Parallel() {}

    interface Step<T, R> {
        R apply(T t) throws IOException, PodException;
    }

    interface Action {
        void run() throws IOException, PodException;
    }

    /**
     * Starts {@code action} on a virtual thread, to run while the caller goes on. The caller joins
     * it where its own work needs the action done; closing joins it too, so that a failure of the
     * caller's work never leaves the action running behind it (its failure is then suppressed in
     * the caller's).
     */
    static Side beside(Action action) {
        FutureTask<Void> task =
                new FutureTask<>(
                        () -> {
                            action.run();
                            return null;
                        });
        Thread.ofVirtual().start(task);
        return new Side(task);
    }

    /** An action running beside the caller's work: {@link #join()} waits for it. */
    static final class Side implements AutoCloseable {

        private final FutureTask<Void> task;
        private boolean joined;

        private Side(FutureTask<Void> task) {
            this.task = task;
        }

        /**
         * Waits for the action, even through an interrupt (kept for the caller), and throws its
         * failure; a second join returns at once.
         */
        void join() throws IOException, PodException {
            if (joined) {
                return;
            }
            joined = true;
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        task.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw rethrown(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() throws IOException, PodException {
            join();
        }
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
            if (first != null) {
                throw rethrown(first);
            }
            return results;
        }
    }

    /**
     * A step's failure as its caller throws it: errors and the two checked kinds as they are (a
     * test's simulated kill is an Error, and must not turn into a failure that rolls back).
     */
    private static IOException rethrown(Throwable failure) throws PodException {
        if (failure instanceof PodException pe) {
            throw pe;
        }
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException(failure.getMessage(), failure);
    }
}
