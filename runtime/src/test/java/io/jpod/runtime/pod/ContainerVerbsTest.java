package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** stop, start, kill and rm of one container of a pod, against the fake host. */
class ContainerVerbsTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
        PodPlan plan =
                Plans.pod(
                        "web",
                        "Always",
                        30,
                        List.of(),
                        List.of(
                                Plans.container("a", host.image.id()),
                                Plans.container("b", host.image.id())));
        engine.play(List.of(plan), false);
    }

    @Test
    void aStoppedContainerIsNotRestartedAndItsPodGoesOn() throws Exception {
        ContainerRecord a = engine.stopContainer("web-a", 5L);
        assertFalse(host.running("web-a"));
        assertTrue(host.running("web-b"));
        assertTrue(engine.container("web-a").container().stoppedByUser());
        assertEquals(
                "web-a was stopped by the user: not restarting", engine.containerExited(a.id()));
        assertFalse(host.running("web-a"));
        assertTrue(host.events().contains("kill TERM web-a"));
        assertFalse(host.events().contains("kill TERM web-b"));

        engine.startContainer("web-a");
        assertTrue(host.running("web-a"));
        ContainerRecord started = engine.container("web-a").container();
        assertFalse(started.stoppedByUser());
        host.exitNow("web-a", 1);
        assertEquals("restarted web-a (restart 1)", engine.containerExited(started.id()));
    }

    @Test
    void theInfraIsRefusedNamingThePodVerb() throws Exception {
        String infra = engine.pod("web").infra().name();
        JpodException e = assertThrows(JpodException.class, () -> engine.stopContainer(infra, 0L));
        assertTrue(e.getMessage().contains("`jpod pod stop web`"), e.getMessage());
        assertThrows(JpodException.class, () -> engine.killContainer(infra, "KILL"));
    }

    @Test
    void killSendsTheSignalByNumberAndRefusesAStoppedContainer() throws Exception {
        engine.killContainer("web-a", "SIGKILL");
        assertTrue(host.events().contains("kill 9 web-a"), host.events().toString());
        JpodException e =
                assertThrows(JpodException.class, () -> engine.killContainer("web-a", "HUP"));
        assertTrue(e.getMessage().contains("is in state exited"), e.getMessage());
        assertThrows(JpodException.class, () -> engine.killContainer("web-b", "NOSUCH"));
    }

    @Test
    void rmRefusesARunningContainerWithoutForceAndLeavesThePod() throws Exception {
        JpodException refused =
                assertThrows(
                        JpodException.class, () -> engine.removeContainer("web-a", false, null));
        assertEquals(2, refused.exitCode());
        assertTrue(host.running("web-a"));
        engine.removeContainer("web-a", true, 0L);
        PodRecord pod = engine.pod("web");
        assertEquals(
                List.of("web-b"), pod.containers().stream().map(ContainerRecord::name).toList());
        assertTrue(host.running("web-b"));
        assertTrue(engine.findContainer("web-a").isEmpty());
    }

    @Test
    void waitReturnsTheExitCode() throws Exception {
        host.exitNow("web-b", 3);
        assertEquals(3, engine.waitContainer("web-b", "stopped", java.time.Duration.ofMillis(1)));
        assertEquals(0, engine.waitContainer("web-a", "running", java.time.Duration.ofMillis(1)));
        assertThrows(
                JpodException.class,
                () -> engine.waitContainer("web-a", "healthy", java.time.Duration.ofMillis(1)));
    }
}
