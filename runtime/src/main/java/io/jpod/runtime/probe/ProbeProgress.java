package io.jpod.runtime.probe;

/**
 * Where one probe of one container run stands, kept in the pod's health file so that the prober's
 * next round, a JVM of its own, goes on from it: the kubelet counts thresholds across periods, and
 * the prober leaves between periods (bench/PROBER.md).
 *
 * @param nextAt when it is next due, in {@link System#nanoTime()}'s clock: on Linux that is
 *     CLOCK_MONOTONIC, one clock for every process of a boot (the health files do not outlive it)
 */
public record ProbeProgress(
        long nextAt, int successes, int failures, boolean passing, boolean decided) {}
