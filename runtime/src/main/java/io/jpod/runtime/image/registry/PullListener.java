package io.jpod.runtime.image.registry;

/**
 * What a pull reports as it goes, for progress output. Called from the threads that fetch, so
 * implementations must be thread-safe.
 */
public interface PullListener {

    PullListener NONE = new PullListener() {};

    default void resolved(String reference, String digest) {}

    /** A layer the store already has: not fetched. */
    default void layerExists(String digest) {}

    /** {@code done} bytes of {@code total}; called often, and again from 0 after a restart. */
    default void progress(String digest, long done, long total) {}

    default void layerDone(String digest, long total) {}

    default void configDone(String digest) {}
}
