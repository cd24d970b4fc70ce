package io.jpod.runtime.probe;

import java.time.Instant;

/** One probe run as podman's health log keeps it. */
public record HealthLog(Instant start, Instant end, int exitCode, String output) {}
