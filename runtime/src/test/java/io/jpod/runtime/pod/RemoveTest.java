package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** Teardown through {@code pod rm}/{@code kube down}: SIGTERM, the grace period, SIGKILL. */
class RemoveTest {

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

    @Test
    void aContainerThatStopsOnSigtermIsNotKilledAndNoGraceIsWaited() throws Exception {
        engine.play(List.of(Plans.pod("web", box, "a")), false);
        engine.remove("web", true);
        assertTrue(host.events().contains("kill TERM web-a"));
        assertFalse(host.events().contains("kill KILL web-a"));
        assertTrue(host.processes.slept() < 1000, "slept " + host.processes.slept());
        assertEquals(List.of(), engine.pods());
        assertEquals(List.of(), host.leftovers());
    }

    @Test
    void theStopSignalsGoStraightToTheProcessesWithoutTheRuntime() throws Exception {
        engine.play(List.of(Plans.pod("web", box, "a")), false);
        PodRecord pod = host.rt.state().pods().getFirst();
        long pid = pod.containers().getFirst().pid();
        host.ignoreTerm.add("web-a");
        engine.remove("web", true);
        // the infra last, with no grace of its own
        assertEquals(
                List.of(pid + " 15", pid + " 9", pod.infra().pid() + " 9"),
                host.processes.signalled());
        assertTrue(
                host.processes.calls("runc").stream().noneMatch(argv -> argv.contains("kill")),
                host.processes.calls("runc").toString());
    }

    @Test
    void aContainerIgnoringSigtermIsKilledOnceTheGracePeriodIsOver() throws Exception {
        engine.play(List.of(Plans.pod("web", box, "a", "b")), false);
        host.ignoreTerm.add("web-a");
        engine.remove("web", true);
        List<String> events = host.events();
        assertTrue(
                events.indexOf("kill TERM web-a") < events.indexOf("kill KILL web-a"),
                events.toString());
        assertFalse(events.contains("kill KILL web-b"), "b stopped on SIGTERM");
        // both were sent SIGTERM at once: the grace period passed once, not once per container
        long slept = host.processes.slept();
        assertTrue(slept >= 30_000 && slept < 60_000, "slept " + slept);
        assertFalse(host.running("web-a"));
        assertEquals(List.of(), host.leftovers());
    }

    @Test
    void theInfraIsStoppedOnceTheContainersHaveAndTheNetworkHelperToo() throws Exception {
        engine.play(List.of(Plans.pod("web", box, "a", "b")), false);
        host.ignoreTerm.add("web-b");
        engine.remove("web", true);
        List<String> events = host.events();
        assertTrue(
                events.indexOf("kill KILL web-b") < events.indexOf("kill KILL web-infra"),
                events.toString());
        assertTrue(events.contains("delete web-infra") && events.contains("delete web-a"));
        assertEquals(1, host.processes.terminated().size(), "pasta");
    }

    @Test
    void withoutForceARunningPodIsKept() throws Exception {
        PodRecord pod = engine.play(List.of(Plans.pod("web", box, "a")), false).getFirst();
        JpodException e = assertThrows(JpodException.class, () -> engine.remove("web", false));
        assertEquals(
                "pod web has running containers: stop it first or use --force", e.getMessage());
        assertEquals(List.of(pod), engine.pods());
        engine.stop("web", null);
        assertEquals(pod.id(), engine.remove(pod.shortId(), false).id());
        assertEquals(List.of(), engine.pods());
    }

    @Test
    void anUnknownPodIsNamed() {
        JpodException e = assertThrows(JpodException.class, () -> engine.remove("nope", true));
        assertEquals("no pod with name or ID nope found", e.getMessage());
    }

    @Test
    void removeAllTakesEveryPod() throws Exception {
        List<PodRecord> pods =
                engine.play(List.of(Plans.pod("a", box, "x"), Plans.pod("b", box, "x")), false);
        assertEquals(pods.stream().map(PodRecord::id).toList(), engine.removeAll(true));
        assertEquals(List.of(), engine.pods());
        assertEquals(List.of(), host.leftovers());
    }

    @Test
    void removeAllTakesThePodsDownAtOnce() throws Exception {
        engine.play(List.of(Plans.pod("a", box, "x"), Plans.pod("b", box, "x")), false);
        // a's teardown is stuck until b's has begun: one pod after the other would never end
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        host.killGate.put("a-x", gate);
        java.util.concurrent.CompletableFuture<List<String>> all =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return engine.removeAll(true);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!host.events().contains("kill TERM b-x") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(host.events().contains("kill TERM b-x"), host.events().toString());
        } finally {
            gate.countDown();
        }
        assertEquals(2, all.get(20, java.util.concurrent.TimeUnit.SECONDS).size());
        assertEquals(List.of(), engine.pods());
    }
}
