package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.layer.TarBuilder;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class PlayTest {

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

    private PodPlan initsAndApps() {
        return initsAndApps("Always");
    }

    /** Under Never a failed init container fails the pod; under the others it is retried. */
    private PodPlan initsAndApps(String policy) {
        return Plans.pod(
                "web",
                policy,
                30,
                List.of(Plans.container("i1", box), Plans.container("i2", box)),
                List.of(Plans.container("a", box), Plans.container("b", box)));
    }

    @Test
    void makesTheInfraThenEachInitContainerToItsExitThenTheApps() throws Exception {
        host.exitOnStart.put("web-i1", 0);
        host.exitOnStart.put("web-i2", 0);
        PodRecord pod = engine.play(List.of(initsAndApps()), false).getFirst();
        List<String> events = host.events();
        // the network's helper comes up beside the infra's creation, and before any init container
        assertTrue(events.subList(0, 3).contains("pasta"), events.toString());
        assertEquals(
                List.of("create web-infra", "start web-infra"),
                events.subList(0, 3).stream().filter(e -> !e.equals("pasta")).toList());
        assertEquals(
                List.of("create web-i1", "start web-i1", "create web-i2", "start web-i2"),
                events.subList(3, 7));
        assertEquals(
                List.of("create web-a", "create web-b", "start web-a", "start web-b"),
                events.subList(7, 11).stream().sorted().toList());
        assertEquals(PodPhase.CREATED, pod.phase());
        assertEquals(
                List.of("web-a", "web-b"), pod.containers().stream().map(c -> c.name()).toList());
        assertEquals(2, pod.initContainers().size());
        assertTrue(host.running("web-a") && host.running("web-b") && host.running("web-infra"));
        assertEquals(pod, engine.pod("web"));
        assertEquals(List.of(box), pod.holds().imageIds());
        assertEquals("kind: Pod\n", engine.source(pod));
    }

    @Test
    void theContainersAreMadeWhileTheNetworkComesUpAndStartOnlyOnceItIsUp() throws Exception {
        CountDownLatch helperUp = new CountDownLatch(1);
        host.helperGate = helperUp;
        // the gate opens in any case, so that a failed assertion does not wait for the play forever
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
                Closeable opened = helperUp::countDown) {
            Future<List<PodRecord>> play =
                    pool.submit(() -> engine.play(List.of(Plans.pod("web", box, "a", "b")), false));
            List<String> meanwhile = bothCreated();
            assertEquals(
                    "create web-infra",
                    meanwhile.getFirst(),
                    "the infra holds the namespaces the containers join");
            assertFalse(meanwhile.contains("pasta"), meanwhile.toString());
            assertFalse(meanwhile.stream().anyMatch(e -> e.startsWith("start web-a")));
            helperUp.countDown();
            PodRecord pod = play.get().getFirst();
            List<String> events = host.events();
            assertTrue(
                    events.indexOf("pasta") < events.indexOf("start web-a")
                            && events.indexOf("pasta") < events.indexOf("start web-b"),
                    events.toString());
            assertTrue(pod.network().helperPid() > 0, "the helper is in the pod's record");
            assertEquals(pod, engine.pod("web"));
        }
    }

    @Test
    void withoutInitContainersTheInfraStartsWhileTheContainersAreMade() throws Exception {
        CountDownLatch infraStarts = new CountDownLatch(1);
        host.startGate.put("web-infra", infraStarts);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
                Closeable opened = infraStarts::countDown) {
            Future<List<PodRecord>> play =
                    pool.submit(() -> engine.play(List.of(Plans.pod("web", box, "a", "b")), false));
            List<String> meanwhile = bothCreated();
            assertFalse(
                    meanwhile.stream().anyMatch(e -> e.startsWith("start ")),
                    "nothing starts before the infra: " + meanwhile);
            infraStarts.countDown();
            PodRecord pod = play.get().getFirst();
            List<String> events = host.events();
            assertTrue(
                    events.indexOf("start web-infra") < events.indexOf("start web-a")
                            && events.indexOf("start web-infra") < events.indexOf("start web-b"),
                    events.toString());
            assertEquals(pod, engine.pod("web"));
            assertTrue(pod.infra().startedAt() != null, "the infra's start is in the record");
        }
    }

    /** The events once both app containers exist, within 10 s (asserted). */
    private List<String> bothCreated() throws InterruptedException {
        List<String> both = List.of("create web-a", "create web-b");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!host.events().containsAll(both) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        List<String> events = host.events();
        assertTrue(events.containsAll(both), events.toString());
        return events;
    }

    /** Where a play can fail; each leaves nothing behind. */
    enum Failure {
        NETNS,
        NETWORK_HELPER,
        INFRA_CREATE,
        INFRA_START,
        INIT_CREATE,
        INIT_EXIT,
        APP_CREATE,
        APP_START
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aFailureAtAnyStepRemovesEverythingMadeSoFar(Failure failure) throws Exception {
        host.exitOnStart.put("web-i1", 0);
        host.exitOnStart.put("web-i2", 0);
        switch (failure) {
            case NETNS -> host.processes.fail(List.of("unshare"), 1, "unshare: no");
            case NETWORK_HELPER -> host.processes.fail(List.of("pasta"), 1, "pasta: no");
            case INFRA_CREATE -> host.failCreate.add("web-infra");
            case INFRA_START -> host.failStart.add("web-infra");
            case INIT_CREATE -> host.failCreate.add("web-i2");
            case INIT_EXIT -> host.exitOnStart.put("web-i2", 3);
            case APP_CREATE -> host.failCreate.add("web-b");
            case APP_START -> host.failStart.add("web-a");
        }
        JpodException e =
                assertThrows(
                        JpodException.class,
                        () -> engine.play(List.of(initsAndApps("Never")), false));
        assertEquals(125, e.exitCode());
        assertEquals(List.of(), engine.pods(), "no record left");
        assertEquals(List.of(), host.leftovers(), "no directory, netns file or lock left");
        for (String c : List.of("web-infra", "web-i1", "web-i2", "web-a", "web-b")) {
            assertFalse(host.running(c), c + " survived");
        }
        if (failure.ordinal() > Failure.NETWORK_HELPER.ordinal()) {
            assertFalse(host.processes.terminated().isEmpty(), "the network helper was stopped");
        }
        if (failure == Failure.INIT_EXIT) {
            assertTrue(
                    e.getMessage().contains("init container i2 of pod web exited with code 3"),
                    e.getMessage());
        }
    }

    @Test
    void aFailedPodRemovesThePodsTheSamePlayMadeBefore() throws Exception {
        host.failCreate.add("second-a");
        JpodException e =
                assertThrows(
                        JpodException.class,
                        () ->
                                engine.play(
                                        List.of(
                                                Plans.pod("first", box, "a"),
                                                Plans.pod("second", box, "a")),
                                        false));
        assertTrue(e.getMessage().contains("creating container second-a"), e.getMessage());
        assertEquals(List.of(), engine.pods());
        assertFalse(host.running("first-a"));
        assertEquals(List.of(), host.leftovers());
    }

    @Test
    void aTakenNameIsRefusedAndTheOtherPodIsLeftAlone() throws Exception {
        PodRecord first = engine.play(List.of(Plans.pod("web", box, "a")), false).getFirst();
        JpodException e =
                assertThrows(
                        JpodException.class,
                        () -> engine.play(List.of(Plans.pod("web", box, "a")), false));
        assertEquals("pod web already exists", e.getMessage());
        assertEquals(List.of(first), engine.pods());
        assertTrue(host.running("web-a"));
    }

    @Test
    void replaceRemovesThePodOfTheSameNameFirst() throws Exception {
        PodRecord first = engine.play(List.of(Plans.pod("web", box, "a")), false).getFirst();
        long oldPid = host.pid("web-a");
        PodRecord second = engine.play(List.of(Plans.pod("web", box, "a")), true).getFirst();
        assertNotEquals(first.id(), second.id());
        assertFalse(host.processes.running(oldPid));
        assertEquals(List.of(second), engine.pods());
    }

    @Test
    void theImageIsTheOneThePlanNamedEvenIfItsTagMovedSince() throws Exception {
        PodPlan plan = Plans.pod("web", box, "a");
        Path tar = dir.resolve("other.tar");
        Files.write(tar, new TarBuilder().dir("other/").tar());
        Image moved = host.rt.images().importRootfs(tar, "box", List.of());
        assertNotEquals(box, moved.id());
        ContainerRecord c = engine.play(List.of(plan), false).getFirst().containers().getFirst();
        assertEquals(box, c.imageId());
    }

    @Test
    void anImageRemovedSincePlanningIsNamedAndNothingIsMade() throws Exception {
        PodPlan plan = Plans.pod("web", "sha256:" + "9".repeat(64), "a");
        JpodException e =
                assertThrows(JpodException.class, () -> engine.play(List.of(plan), false));
        assertTrue(e.getMessage().startsWith("image not known: box"), e.getMessage());
        assertEquals(List.of(), engine.pods());
        assertEquals(List.of(), host.events());
        assertEquals(List.of(), host.leftovers());
    }

    @Test
    void imagesAreLookedUpOnceForThePlannerWithEveryMissingOneNamed() throws Exception {
        assertEquals(
                box, engine.images(List.of("box", "box")).get("box").id(), "found by its name");
        JpodException e =
                assertThrows(
                        JpodException.class, () -> engine.images(List.of("box", "a", "b", "a")));
        assertTrue(e.getMessage().startsWith("image not known: a, b "), e.getMessage());
    }
}
