package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Which commands wait for which: only those on the same pod. A teardown stuck in a helper and a
 * play waiting for its init container hold up no other pod.
 */
class PodLocksTest {

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

    interface Verb<T> {
        T run() throws Exception;
    }

    private static <T> CompletableFuture<T> async(Verb<T> verb) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return verb.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Test
    void aStuckTeardownHoldsUpNeitherAPlayNorARestartOfAnotherPod() throws Exception {
        engine.play(List.of(Plans.pod("slow", box, "a")), false);
        PodRecord other = engine.play(List.of(Plans.pod("other", box, "a")), false).getFirst();
        CountDownLatch gate = new CountDownLatch(1);
        host.killGate.put("slow-a", gate);
        CompletableFuture<PodRecord> removal = async(() -> engine.remove("slow", true));
        while (engine.pod("slow").phase() != PodPhase.REMOVING) {
            Thread.sleep(5);
        }
        PodRecord played = engine.play(List.of(Plans.pod("quick", box, "a")), false).getFirst();
        assertEquals(PodPhase.CREATED, played.phase());
        host.exitNow("other-a", 1);
        assertEquals(
                "restarted other-a (restart 1)",
                engine.containerExited(other.containers().getFirst().id()));
        engine.stop("quick", null);
        assertFalse(removal.isDone(), "the teardown was still stuck");
        gate.countDown();
        removal.get(10, TimeUnit.SECONDS);
        assertEquals(
                List.of("other", "quick"), engine.pods().stream().map(PodRecord::name).toList());
    }

    @Test
    void aPlayWaitingForItsInitContainerHoldsUpOnlyItsOwnPod() throws Exception {
        PodPlan slow =
                Plans.pod(
                        "slow",
                        "Always",
                        30,
                        List.of(Plans.container("init", box)),
                        List.of(Plans.container("a", box)));
        CompletableFuture<List<PodRecord>> play = async(() -> engine.play(List.of(slow), false));
        while (!host.running("slow-init")) {
            Thread.sleep(5);
        }
        engine.play(List.of(Plans.pod("quick", box, "a")), false);
        engine.remove("quick", true);
        JpodException taken =
                assertThrows(
                        JpodException.class,
                        () -> engine.play(List.of(Plans.pod("slow", box, "a")), false));
        assertEquals("pod slow already exists", taken.getMessage());
        assertThrows(JpodException.class, () -> engine.removeImage("box"));
        // the same pod: its removal waits for the play to finish, then removes what it made
        CompletableFuture<PodRecord> removal = async(() -> engine.remove("slow", true));
        Thread.sleep(200);
        assertFalse(removal.isDone(), "a removal of the pod being played waits for the play");
        assertFalse(play.isDone());
        host.exitNow("slow-init", 0);
        assertEquals(PodPhase.CREATED, play.get(10, TimeUnit.SECONDS).getFirst().phase());
        removal.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), engine.pods());
        assertFalse(host.running("slow-a"));
        assertTrue(engine.findImage("box").isPresent());
    }
}
