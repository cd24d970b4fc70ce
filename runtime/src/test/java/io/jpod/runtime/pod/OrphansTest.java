package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * What a killed jpod leaves: a pod whose phase says CREATING or REMOVING and whose lock nobody
 * holds. The next command that changes pods takes it apart; a pod whose lock is held is being
 * worked on and is left alone.
 */
class OrphansTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;
    private String box;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
        box = host.image.id();
    }

    /** A pod as a command killed at this phase leaves it: containers running, lock dropped. */
    private PodRecord killedAt(String name, PodPhase phase) throws Exception {
        PodRecord pod = engine.play(List.of(Plans.pod(name, box, "a")), false).getFirst();
        host.rt.state().save(pod.withPhase(phase));
        return pod;
    }

    @Test
    void aKilledPlayIsTornDownByTheNextPlay() throws Exception {
        PodRecord orphan = killedAt("half", PodPhase.CREATING);
        engine.play(List.of(Plans.pod("next", box, "a")), false);
        assertFalse(host.running("half-a"));
        assertFalse(host.running("half-infra"));
        assertEquals(List.of("next"), engine.pods().stream().map(PodRecord::name).toList());
        assertFalse(
                host.leftovers().stream().anyMatch(p -> p.toString().contains(orphan.id())),
                host.leftovers().toString());
    }

    @Test
    void aKilledRemovalIsFinishedAndReportedByRemoveAll() throws Exception {
        PodRecord other = engine.play(List.of(Plans.pod("other", box, "a")), false).getFirst();
        PodRecord orphan = killedAt("half", PodPhase.REMOVING);
        assertEquals(List.of(orphan.id(), other.id()), engine.removeAll(true));
        assertFalse(host.running("half-a"));
        assertEquals(List.of(), host.leftovers());
    }

    @Test
    void orphansAreRepairedAtOnceWithNoGracePeriod() throws Exception {
        killedAt("half", PodPhase.CREATING);
        host.ignoreTerm.add("half-a");
        engine.remove("half", true);
        assertTrue(host.events().contains("kill KILL half-a"));
        assertFalse(host.events().contains("kill TERM half-a"));
        assertEquals(0, host.processes.slept() / 1000);
    }

    @Test
    void aPodBeingMadeByALiveCommandIsLeftAlone() throws Exception {
        PodRecord busy = killedAt("busy", PodPhase.CREATING);
        try (HeldLock held = new HeldLock(host.rt.state(), busy.id())) {
            engine.play(List.of(Plans.pod("next", box, "a")), false);
            assertTrue(host.running("busy-a"));
            assertEquals(PodPhase.CREATING, engine.pod("busy").phase());
        }
    }

    @Test
    void aStoppedPodIsNoOrphan() throws Exception {
        engine.play(List.of(Plans.pod("web", box, "a")), false);
        engine.stop("web", null);
        engine.play(List.of(Plans.pod("next", box, "a")), false);
        assertEquals(PodPhase.STOPPED, engine.pod("web").phase());
    }
}
