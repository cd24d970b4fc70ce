package io.jpod.model;

/**
 * How {@code generate kube} writes a pod back.
 *
 * @param kind the kind that wraps the pod
 * @param replicas a Deployment's replicas (only a Deployment has them)
 * @param service whether a Service for the pod's ports follows it
 */
public record ExportOptions(OutputKind kind, int replicas, boolean service) {
    public ExportOptions {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative: " + replicas);
        }
    }

    public static ExportOptions of(OutputKind kind) {
        return new ExportOptions(kind, 1, false);
    }
}
