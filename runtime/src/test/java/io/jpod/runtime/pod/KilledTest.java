package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

/**
 * jpod killed at a step of a play or a teardown: nothing of its own clean-up runs, its locks are
 * dropped, and the next command finds the half-made or half-removed pod and takes it apart.
 */
class KilledTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;
    private String box;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
        box = host.image.id();
        host.exitOnStart.put("web-i", 0);
    }

    private PodPlan web() {
        return Plans.pod(
                "web",
                "Always",
                30,
                List.of(Plans.container("i", box)),
                List.of(Plans.container("a", box)));
    }

    @ParameterizedTest
    // a kill between conmon's create and the record's save (after "create web-infra" or
    // "create web-i") leaves a container no record names: that is for the repair of leftovers
    // without a record, not for this one
    @ValueSource(strings = {"pasta", "start web-infra", "start web-i"})
    void aPlayKilledAtAnyStepIsRepairedByTheNextCommand(String step) throws Exception {
        host.killAt = step;
        assertThrows(FakeHost.Killed.class, () -> engine.play(List.of(web()), false));
        assertEquals(PodPhase.CREATING, engine.pod("web").phase(), "left as the kill left it");
        engine.play(List.of(Plans.pod("next", box, "a")), false);
        assertEquals(List.of("next"), engine.pods().stream().map(PodRecord::name).toList());
        for (String c : List.of("web-infra", "web-i", "web-a")) {
            assertFalse(host.running(c), c + " survived");
        }
        engine.remove("next", true);
        assertEquals(List.of(), host.leftovers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"delete web-a", "kill KILL web-infra", "delete web-infra"})
    void aTeardownKilledAtAnyStepIsFinishedByTheNextCommand(String step) throws Exception {
        PodRecord pod = engine.play(List.of(web()), false).getFirst();
        host.killAt = step;
        assertThrows(Throwable.class, () -> engine.remove("web", true));
        assertEquals(PodPhase.REMOVING, engine.pod("web").phase());
        // repaired without --force: nothing of it is meant to run any more
        assertEquals(List.of(pod.id()), engine.removeAll(false));
        assertEquals(List.of(), engine.pods());
        assertFalse(host.running("web-infra"));
        assertEquals(List.of(), host.leftovers());
    }
}
