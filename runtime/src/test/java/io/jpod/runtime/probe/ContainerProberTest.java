package io.jpod.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** The kubelet's probe semantics on a fake clock, with results chosen by the test. */
class ContainerProberTest {

    private static final long S = 1_000_000_000L;
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    private static ProbePlan probe(int initialDelay, int period, int success, int failure) {
        return new ProbePlan(
                new ProbePlan.Action.Exec(List.of("true")),
                initialDelay,
                period,
                1,
                success,
                failure,
                null);
    }

    /** Runs every due probe at {@code now} with the given result; returns what is to be killed. */
    private static ProbeWorker runDue(ContainerProber c, long now, boolean success) {
        ProbeWorker kill = null;
        for (ProbeWorker w : c.due(now)) {
            w.begin(now);
            ProbeWorker k =
                    c.record(w, new ProbeCheck.Outcome(success, success ? 0 : 1, "out"), T, T);
            kill = k == null ? kill : k;
        }
        return kill;
    }

    @Test
    void noProbeBeforeInitialDelayThenEveryPeriod() {
        ContainerProber c =
                new ContainerProber("id", 1, new ContainerProbes(probe(5, 2, 1, 3), null, null), 0);
        assertTrue(c.due(4 * S).isEmpty());
        assertEquals(1, c.due(5 * S).size());
        runDue(c, 5 * S, true);
        assertTrue(c.due(6 * S).isEmpty(), "period not over");
        assertEquals(1, c.due(7 * S).size());
    }

    @Test
    void aRunningProbeIsNotBegunAgain() {
        ContainerProber c =
                new ContainerProber("id", 1, new ContainerProbes(probe(0, 1, 1, 3), null, null), 0);
        ProbeWorker w = c.due(0).getFirst();
        w.begin(0);
        assertTrue(c.due(5 * S).isEmpty(), "still running after its period");
    }

    @Test
    void livenessKillsAfterFailureThresholdInARowAndOnlyOnce() {
        ContainerProber c =
                new ContainerProber("id", 1, new ContainerProbes(probe(0, 1, 1, 3), null, null), 0);
        assertNull(runDue(c, 0, false));
        assertNull(runDue(c, S, false));
        assertNull(runDue(c, 2 * S, true), "a success resets the streak");
        assertEquals(0, c.failingStreak());
        assertNull(runDue(c, 3 * S, false));
        assertNull(runDue(c, 4 * S, false));
        assertEquals(2, c.failingStreak());
        assertEquals(ContainerHealth.HEALTHY, c.status(), "below the threshold");
        ProbeWorker kill = runDue(c, 5 * S, false);
        assertEquals(ProbeWorker.Kind.LIVENESS, kill.kind());
        assertEquals(ContainerHealth.UNHEALTHY, c.status());
        assertTrue(c.due(6 * S).isEmpty(), "no probe of a container being killed");
    }

    @Test
    void readinessNeedsSuccessThresholdAndNeverKills() {
        ContainerProber c =
                new ContainerProber("id", 1, new ContainerProbes(null, probe(0, 1, 2, 2), null), 0);
        assertFalse(c.ready(), "not ready before any result");
        assertEquals(ContainerHealth.STARTING, c.status());
        runDue(c, 0, true);
        assertFalse(c.ready(), "one success of two");
        runDue(c, S, true);
        assertTrue(c.ready());
        assertEquals(ContainerHealth.HEALTHY, c.status());
        runDue(c, 2 * S, false);
        assertTrue(c.ready(), "one failure of two");
        for (int i = 3; i < 10; i++) {
            assertNull(runDue(c, i * S, false), "readiness never kills");
        }
        assertFalse(c.ready());
        assertEquals(ContainerHealth.UNHEALTHY, c.status());
        assertEquals(8, c.failingStreak());
    }

    @Test
    void startupGatesLivenessAndReadinessUntilItPasses() {
        ContainerProber c =
                new ContainerProber(
                        "id",
                        1,
                        new ContainerProbes(
                                probe(0, 1, 1, 1), probe(0, 1, 1, 3), probe(0, 1, 1, 5)),
                        0);
        List<ProbeWorker> first = c.due(0);
        assertEquals(1, first.size());
        assertEquals(ProbeWorker.Kind.STARTUP, first.getFirst().kind());
        // a failing liveness probe would kill at once (threshold 1): it must not run yet
        assertNull(runDue(c, 0, false));
        assertNull(runDue(c, S, false));
        assertEquals(ContainerHealth.STARTING, c.status());
        assertFalse(c.ready());
        assertNull(runDue(c, 2 * S, true));
        assertTrue(c.started());
        List<ProbeWorker> after = c.due(3 * S);
        assertEquals(
                List.of(ProbeWorker.Kind.LIVENESS, ProbeWorker.Kind.READINESS),
                after.stream().map(ProbeWorker::kind).toList());
    }

    @Test
    void aStartupProbeThatNeverPassesKills() {
        ContainerProber c =
                new ContainerProber("id", 1, new ContainerProbes(null, null, probe(0, 1, 1, 2)), 0);
        assertNull(runDue(c, 0, false));
        ProbeWorker kill = runDue(c, S, false);
        assertEquals(ProbeWorker.Kind.STARTUP, kill.kind());
        assertEquals(ContainerHealth.UNHEALTHY, c.status());
    }

    @Test
    void theLogKeepsTheLastFiveRuns() {
        ContainerProber c =
                new ContainerProber(
                        "id", 7, new ContainerProbes(probe(0, 1, 1, 100), null, null), 0);
        for (int i = 0; i < 8; i++) {
            runDue(c, i * S, i % 2 == 0);
        }
        ContainerHealth h = c.health();
        assertEquals(5, h.log().size());
        assertEquals("liveness probe: out", h.log().getLast().output());
        assertEquals(1, h.log().getLast().exitCode());
        assertEquals(7, h.pidStartTime());
        assertSame(ContainerHealth.HEALTHY, h.status());
    }
}
