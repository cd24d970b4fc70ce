package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.probe.ProbePlan;
import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gate after a native sidecar: the next container starts only once the sidecar has started,
 * which with a startupProbe means the probe passed; a probe that fails its threshold fails the play
 * and leaves nothing behind.
 */
class SidecarStartTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;
    private String box;

    /** Per exec probe run, in order: the fake clock then, and how often the app had started. */
    private final List<Long> probedAt = new ArrayList<>();

    private final List<Long> appStarts = new ArrayList<>();

    /** The exec probe fails this many times, then passes. */
    private final AtomicInteger failures = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
        box = host.image.id();
        // the sidecar's probes make the play start the prober
        host.processes.onSpawn(
                List.of("setsid"), argv -> new RecordingProcesses.FakeProcess(4243, "", 0));
        host.processes.onSpawn(
                List.of("runc", "--root", host.rt.layout().runcRoot().toString(), "exec"),
                argv -> {
                    synchronized (this) {
                        probedAt.add(host.processes.slept());
                        appStarts.add(
                                host.events().stream().filter("start web-app"::equals).count());
                    }
                    boolean fail = failures.getAndDecrement() > 0;
                    return new RecordingProcesses.FakeProcess(
                            1, fail ? "not yet" : "", fail ? 1 : 0);
                });
    }

    private static ProbePlan startup(int initialDelay, int period, int failureThreshold) {
        return new ProbePlan(
                new ProbePlan.Action.Exec(List.of("test", "-f", "/ready")),
                initialDelay,
                period,
                1,
                1,
                failureThreshold,
                null);
    }

    private PodPlan pod(ProbePlan startup) {
        return Plans.pod(
                "web",
                "Always",
                30,
                List.of(Plans.sidecar("side", box, startup)),
                List.of(Plans.container("app", box)));
    }

    @Test
    void theAppStartsOnlyOnceTheStartupProbePassedAfterItsDelayAndPeriods() throws Exception {
        failures.set(2);
        engine.play(List.of(pod(startup(5, 2, 3))), false);
        assertEquals(3, probedAt.size(), "two failures, then a pass: " + probedAt);
        assertEquals(List.of(0L, 0L, 0L), appStarts, "no app container before");
        assertTrue(probedAt.get(0) >= 5000, "not before initialDelaySeconds: " + probedAt);
        assertTrue(probedAt.get(1) - probedAt.get(0) >= 2000, "a period apart: " + probedAt);
        assertTrue(probedAt.get(2) - probedAt.get(1) >= 2000, "a period apart: " + probedAt);
        List<String> events = host.events();
        assertTrue(
                events.indexOf("start web-side") < events.indexOf("create web-app"),
                events.toString());
        assertTrue(host.running("web-side") && host.running("web-app"));
    }

    @Test
    void aStartupProbeFailingItsThresholdFailsThePlayNamingTheSidecarAndTheProbe()
            throws Exception {
        failures.set(Integer.MAX_VALUE);
        JpodException e =
                assertThrows(
                        JpodException.class,
                        () -> engine.play(List.of(pod(startup(0, 1, 3))), false));
        assertEquals(125, e.exitCode());
        assertTrue(
                e.getMessage()
                        .contains(
                                "sidecar side of pod web did not start: startup probe exec [test,"
                                        + " -f, /ready] failed 3 times: not yet"),
                e.getMessage());
        assertEquals(3, probedAt.size(), "failureThreshold runs: " + probedAt);
        assertFalse(host.events().contains("create web-app"), host.events().toString());
        assertEquals(List.of(), engine.pods(), "no record left");
        assertEquals(List.of(), host.leftovers(), "no directory, netns file or lock left");
        assertFalse(host.running("web-side") || host.running("web-infra"));
    }

    @Test
    void aSidecarThatExitsBeforeItsStartupProbePassedFailsThePlay() throws Exception {
        failures.set(Integer.MAX_VALUE);
        host.exitOnStart.put("web-side", 1);
        JpodException e =
                assertThrows(
                        JpodException.class,
                        () -> engine.play(List.of(pod(startup(0, 10, 30))), false));
        assertTrue(
                e.getMessage().contains("sidecar side of pod web did not start: exited before"),
                e.getMessage());
        assertEquals(List.of(), engine.pods());
        assertEquals(List.of(), host.leftovers());
    }

    @Test
    void withoutAStartupProbeARunningProcessIsStarted() throws Exception {
        engine.play(List.of(pod(null)), false);
        assertEquals(List.of(), probedAt, "nothing to probe");
        assertTrue(host.running("web-side") && host.running("web-app"));
    }

    @Test
    void podStartGatesTheSidecarAgain() throws Exception {
        engine.play(List.of(pod(startup(0, 1, 3))), false);
        assertEquals(1, probedAt.size());
        engine.stop("web", 1L);
        failures.set(1);
        engine.start("web");
        assertEquals(3, probedAt.size(), "a failure, then a pass: " + probedAt);
        assertEquals(List.of(0L, 1L, 1L), appStarts, "the app started again only after");
        assertTrue(host.running("web-side") && host.running("web-app"));
    }
}
