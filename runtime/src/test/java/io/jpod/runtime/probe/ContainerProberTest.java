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
            w.beginOnGrid(now);
            ProbeWorker k =
                    c.record(w, new ProbeCheck.Outcome(success, success ? 0 : 1, "out"), T, T);
            kill = k == null ? kill : k;
        }
        return kill;
    }

    @Test
    void noProbeBeforeInitialDelayThenEveryPeriodOnTheGrid() {
        ContainerProber c =
                new ContainerProber(
                        "id", 1, new ContainerProbes(probe(5, 4, 1, 3), null, null), S / 2);
        assertTrue(c.due(5 * S).isEmpty());
        assertEquals(1, c.due(5 * S + S / 2).size(), "at initialDelaySeconds from the start");
        runDue(c, 5 * S + S / 2, true);
        // the next multiple of the period at least half a period on: 8 s, then every 4 s
        assertEquals(8 * S, c.nextDue());
        assertTrue(c.due(8 * S - 1).isEmpty(), "not before the grid");
        runDue(c, 8 * S + S / 10, true);
        assertEquals(12 * S, c.nextDue(), "a run that began late stays on the grid");
    }

    @Test
    void containersStartedApartProbeTogetherAfterTheirFirstRun() {
        ContainerProbes probes = new ContainerProbes(probe(0, 10, 1, 3), null, null);
        ContainerProber a = new ContainerProber("a", 1, probes, 3 * S);
        ContainerProber b = new ContainerProber("b", 1, probes, 7 * S);
        runDue(a, 3 * S, true);
        runDue(b, 7 * S, true);
        assertEquals(10 * S, a.nextDue());
        assertEquals(20 * S, b.nextDue(), "at least half a period after its first run");
        runDue(a, 10 * S, true);
        assertEquals(b.nextDue(), a.nextDue());
    }

    @Test
    void aLaterRoundGoesOnFromTheProgressWritten() {
        ContainerProbes probes = new ContainerProbes(probe(0, 10, 1, 3), probe(0, 10, 2, 3), null);
        ContainerProber first = new ContainerProber("id", 1, probes, 0);
        runDue(first, 0, false);
        runDue(first, 10 * S, false);
        ContainerHealth written = first.health();
        assertEquals(2, written.failingStreak());

        ContainerProber next = new ContainerProber("id", 1, probes, 0);
        next.resume(written.progress(), written.log(), 15 * S);
        assertEquals(written, next.health(), "nothing lost between rounds");
        assertEquals(20 * S, next.nextDue());
        ProbeWorker kill = runDue(next, 20 * S, false);
        assertEquals(ProbeWorker.Kind.LIVENESS, kill.kind(), "the third failure in a row");
        assertTrue(next.health().progress().killed());
    }

    @Test
    void aNextTimeBeyondAPeriodIsNotBelieved() {
        ContainerProbes probes = new ContainerProbes(probe(0, 10, 1, 3), null, null);
        ContainerProber c = new ContainerProber("id", 1, probes, 0);
        c.resume(
                new ContainerHealth.Progress(
                        false, new ProbeProgress(1_000 * S, 0, 0, true, false), null, null),
                List.of(),
                50 * S);
        assertEquals(60 * S, c.nextDue());
    }

    @Test
    void aContainerBeingKilledIsDueNeverAndABusyOneIsBusy() {
        ContainerProber c =
                new ContainerProber("id", 1, new ContainerProbes(probe(0, 1, 1, 1), null, null), 0);
        ProbeWorker w = c.due(0).getFirst();
        w.beginOnGrid(0);
        assertTrue(c.busy());
        assertEquals(w, c.record(w, new ProbeCheck.Outcome(false, 1, "no"), T, T));
        assertFalse(c.busy());
        assertEquals(Long.MAX_VALUE, c.nextDue());
        assertEquals(w, c.failedProbe());
    }

    @Test
    void aRunningProbeIsNotBegunAgain() {
        ContainerProber c =
                new ContainerProber("id", 1, new ContainerProbes(probe(0, 1, 1, 3), null, null), 0);
        ProbeWorker w = c.due(0).getFirst();
        w.beginOnGrid(0);
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
