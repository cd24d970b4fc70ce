package io.jpod.model;

/** A liveness, readiness or startup probe, with Kubernetes' defaults filled in. */
public record ProbeModel(
        Action action,
        int initialDelaySeconds,
        int periodSeconds,
        int timeoutSeconds,
        int successThreshold,
        int failureThreshold,
        Long terminationGracePeriodSeconds) {}
