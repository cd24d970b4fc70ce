package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.LifeFile;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The restart hook conmon runs when a container exits. */
class ContainerExitedTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
    }

    private ContainerRecord play(String policy) throws Exception {
        PodPlan plan =
                Plans.pod(
                        "web",
                        policy,
                        30,
                        List.of(),
                        List.of(Plans.container("a", host.image.id())));
        return engine.play(List.of(plan), false).getFirst().containers().getFirst();
    }

    @Test
    void alwaysRestartsAtOnceTheFirstTimeThenLeavesASleeperForTheBackOff() throws Exception {
        ContainerRecord a = play("Always");
        host.processes.onSpawn(
                List.of("setsid"), argv -> new RecordingProcesses.FakeProcess(4242, "", 0));
        host.exitNow("web-a", 0);
        assertEquals("restarted web-a (restart 1)", engine.containerExited(a.id()));
        assertTrue(host.running("web-a"));
        assertEquals(0, host.processes.slept());
        ContainerRecord now = engine.container("web-a").container();
        assertEquals(1, now.restartCount());
        assertEquals(host.pid("web-a"), now.pid());
        assertEquals(0, engine.life(now).last().exitCode());
        assertEquals("Completed", engine.life(now).last().reason());

        host.exitNow("web-a", 1);
        assertEquals(
                "back-off 10000 ms restarting failed container web-a",
                engine.containerExited(a.shortId()));
        assertTrue(host.processes.slept() < 1000, "no JVM sleeps through the back-off");
        List<String> sleeper = host.processes.calls("setsid").getLast();
        assertEquals("10.000", sleeper.get(5), "the sleeper waits 10 s: " + sleeper);
        assertEquals(
                List.of("container-exited", "--after-backoff", a.id()),
                sleeper.subList(sleeper.size() - 3, sleeper.size()));
        ContainerLife waiting = engine.life(engine.container("web-a").container());
        assertEquals(ContainerLife.CRASH_LOOP, waiting.waiting());
        assertEquals(1, waiting.last().exitCode());
        assertEquals("Error", waiting.last().reason());
        assertEquals(4242, waiting.sleeperPid());
        assertFalse(host.running("web-a"), "not restarted before the back-off is over");

        assertEquals("restarted web-a (restart 2)", engine.containerBackedOff(a.id()));
        assertTrue(host.running("web-a"));
        assertEquals(null, engine.life(engine.container("web-a").container()).waiting());
        assertEquals(
                "container web-a is not in back-off",
                engine.containerBackedOff(a.id()),
                "a second sleeper's call does nothing");
    }

    @Test
    void aContainerThatRanTenMinutesStartsItsBackOffAfresh() throws Exception {
        ContainerRecord a = play("Always");
        host.processes.onSpawn(
                List.of("setsid"), argv -> new RecordingProcesses.FakeProcess(4242, "", 0));
        Path dir = host.rt.layout().containers().resolve(a.id());
        // three crashes before: the next wait would be 40 s
        LifeFile.write(dir, ContainerLife.FRESH.restartedAfter(3, null));
        host.exitNow("web-a", 1);
        assertEquals(
                "back-off 40000 ms restarting failed container web-a",
                engine.containerExited(a.id()));
        engine.containerBackedOff(a.id());
        PodRecord pod = engine.pod("web");
        ContainerRecord now = pod.containers().getFirst();
        ContainerRecord longAgo =
                now.started(
                        now.conmonPid(),
                        now.pid(),
                        now.pidStartTime(),
                        Instant.now().minus(Duration.ofMinutes(11)));
        host.rt.state().save(pod.withContainer(longAgo));
        host.exitNow("web-a", 1);
        assertEquals(
                "restarted web-a (restart 2)",
                engine.containerExited(a.id()),
                "after 11 minutes of running, the restart is immediate again");
    }

    @Test
    void theBackOffsBaseComesFromTheEnvironment() throws Exception {
        engine = new Engine(host.rt, Map.of("JPOD_BACKOFF_BASE", "250ms"));
        ContainerRecord a = play("Always");
        host.processes.onSpawn(
                List.of("setsid"), argv -> new RecordingProcesses.FakeProcess(4242, "", 0));
        host.exitNow("web-a", 1);
        engine.containerExited(a.id());
        host.exitNow("web-a", 1);
        assertEquals(
                "back-off 250 ms restarting failed container web-a",
                engine.containerExited(a.id()));
    }

    @Test
    void onFailureLeavesASuccessfulExitAlone() throws Exception {
        ContainerRecord a = play("OnFailure");
        host.exitNow("web-a", 0);
        assertEquals(
                "restartPolicy OnFailure: not restarting web-a", engine.containerExited(a.id()));
        assertFalse(host.running("web-a"));
        host.exitNow("web-a", 2);
    }

    @Test
    void onFailureRestartsAFailure() throws Exception {
        ContainerRecord a = play("OnFailure");
        host.exitNow("web-a", 2);
        assertEquals("restarted web-a (restart 1)", engine.containerExited(a.id()));
    }

    @Test
    void neverHasNoHookAtAll() throws Exception {
        play("Never");
        boolean hooked =
                host.processes.calls("sh").stream()
                        .filter(argv -> argv.contains("web-a"))
                        .anyMatch(argv -> argv.contains("--exit-command"));
        assertFalse(hooked);
    }

    @Test
    void aStoppedPodIsNotRestarted() throws Exception {
        ContainerRecord a = play("Always");
        engine.stop("web", null);
        assertEquals("pod web is STOPPED: not restarting", engine.containerExited(a.id()));
        assertFalse(host.running("web-a"));
    }

    @Test
    void aRemovedContainerIsGone() throws Exception {
        ContainerRecord a = play("Always");
        engine.remove("web", true);
        assertEquals("container " + a.id() + " is gone", engine.containerExited(a.id()));
    }

    @Test
    void whileAnotherCommandHoldsThePodItWaitsForItAndThenRestarts() throws Exception {
        ContainerRecord a = play("Always");
        host.exitNow("web-a", 1);
        CompletableFuture<String> hook;
        try (HeldLock held = new HeldLock(host.rt.state(), a.podId())) {
            hook = CompletableFuture.supplyAsync(() -> exited(a.id()));
            Thread.sleep(200);
            assertFalse(hook.isDone(), "waits while the pod's lock is held: " + hook);
        }
        assertEquals("restarted web-a (restart 1)", hook.get(10, TimeUnit.SECONDS));
    }

    @Test
    void whileThePodIsBeingRemovedItAnswersAtOnce() throws Exception {
        ContainerRecord a = play("Always");
        host.exitNow("web-a", 1);
        PodRecord pod = engine.pod("web");
        try (HeldLock held = new HeldLock(host.rt.state(), a.podId())) {
            // as a removal does: the phase is saved before anything waits
            CompletableFuture<String> hook = CompletableFuture.supplyAsync(() -> exited(a.id()));
            Thread.sleep(100);
            host.rt.state().save(pod.withPhase(PodPhase.REMOVING));
            assertEquals(
                    "not restarting web-a: the pod is being stopped or removed",
                    hook.get(10, TimeUnit.SECONDS));
        }
        assertFalse(host.running("web-a"));
    }

    @Test
    void whileThePlayIsStillMakingThePodItWaitsAndThenRestarts() throws Exception {
        ContainerRecord a = play("Always");
        PodRecord pod = engine.pod("web");
        host.exitNow("web-a", 1);
        CompletableFuture<String> hook;
        try (HeldLock play = new HeldLock(host.rt.state(), a.podId())) {
            host.rt.state().save(pod.withPhase(PodPhase.CREATING));
            hook = CompletableFuture.supplyAsync(() -> exited(a.id()));
            Thread.sleep(200);
            assertFalse(hook.isDone(), "waits while the pod is being made: " + hook);
            host.rt.state().save(pod);
        }
        assertEquals("restarted web-a (restart 1)", hook.get(10, TimeUnit.SECONDS));
        assertTrue(host.running("web-a"));
    }

    @Test
    void aPodWhoseMakerDiedIsLeftForTheRepair() throws Exception {
        ContainerRecord a = play("Always");
        host.rt.state().save(engine.pod("web").withPhase(PodPhase.CREATING));
        host.exitNow("web-a", 1);
        assertEquals(
                "the pod of container " + a.id() + " was not made: not restarting",
                engine.containerExited(a.id()));
        assertFalse(host.running("web-a"));
    }

    private String exited(String id) {
        try {
            return engine.containerExited(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
