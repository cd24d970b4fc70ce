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
 * @param progress where each probe stands, for the prober's next round; null once the container is
 *     no longer probed
 */
public record ContainerHealth(
        String containerId,
        long pidStartTime,
        String status,
        int failingStreak,
        boolean started,
        boolean ready,
        List<HealthLog> log,
        Progress progress) {

    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";

    public ContainerHealth {
        log = log == null ? List.of() : List.copyOf(log);
    }

    /** A container's health without the prober's progress: one that is no longer probed. */
    public ContainerHealth(
            String containerId,
            long pidStartTime,
            String status,
            int failingStreak,
            boolean started,
            boolean ready,
            List<HealthLog> log) {
        this(containerId, pidStartTime, status, failingStreak, started, ready, log, null);
    }

    /**
     * The prober's own part: each probe's progress (null for one the container lacks) and whether
     * the container is being killed for a failed probe.
     */
    public record Progress(
            boolean killed,
            ProbeProgress liveness,
            ProbeProgress readiness,
            ProbeProgress startup) {}
}
