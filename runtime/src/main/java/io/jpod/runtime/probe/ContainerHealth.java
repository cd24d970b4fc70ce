package io.jpod.runtime.probe;

import java.util.List;

/**
 * A container's probe state as the prober last wrote it, for {@code inspect} and {@code ps}.
 *
 * @param containerId with {@code pidStartTime}, the run of the container it describes: a restarted
 *     container starts over
 * @param status starting, healthy or unhealthy, podman's words
 * @param started whether its startup probe passed (true without one)
 * @param ready whether it is running with its readiness probe passing
 * @param log the last runs, oldest first
 */
public record ContainerHealth(
        String containerId,
        long pidStartTime,
        String status,
        int failingStreak,
        boolean started,
        boolean ready,
        List<HealthLog> log) {

    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";

    public ContainerHealth {
        log = log == null ? List.of() : List.copyOf(log);
    }
}
