package io.jpod.model;

/**
 * A container's postStart and preStop hooks, either may be null, and its lifecycle.stopSignal
 * (null: the image's, else SIGTERM).
 */
public record LifecycleModel(Action postStart, Action preStop, String stopSignal) {

    public LifecycleModel(Action postStart, Action preStop) {
        this(postStart, preStop, null);
    }
}
