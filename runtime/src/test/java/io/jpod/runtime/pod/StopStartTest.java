package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class StopStartTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
        engine.play(List.of(Plans.pod("web", host.image.id(), "a")), false);
    }

    @Test
    void stopKeepsThePodAndTellsTheExitHooks() throws Exception {
        PodRecord stopped = engine.stop("web", null);
        assertEquals(PodPhase.STOPPED, engine.pod("web").phase());
        assertFalse(host.running("web-a"));
        assertFalse(host.running("web-infra"));
        assertTrue(Files.exists(ContainerCreator.stoppingMarker(host.rt, stopped.id())));
        assertEquals("Exited", statusOf("web-a"));
    }

    @Test
    void aTimeoutOfZeroKillsAtOnce() throws Exception {
        host.ignoreTerm.add("web-a");
        engine.stop("web", 0L);
        assertTrue(host.events().contains("kill KILL web-a"));
        assertFalse(host.events().contains("kill TERM web-a"));
        assertEquals(0, host.processes.slept() / 1000);
    }

    @Test
    void startRecreatesTheInfraThenTheStoppedContainers() throws Exception {
        long before = host.pid("web-a");
        engine.stop("web", null);
        PodRecord started = engine.start("web");
        assertEquals(PodPhase.CREATED, started.phase());
        assertTrue(host.running("web-infra") && host.running("web-a"));
        assertNotEquals(before, host.pid("web-a"));
        assertEquals(host.pid("web-a"), started.containers().getFirst().pid());
        assertFalse(Files.exists(ContainerCreator.stoppingMarker(host.rt, started.id())));
        List<String> events = host.events();
        assertTrue(
                events.lastIndexOf("start web-infra") < events.lastIndexOf("start web-a"),
                events.toString());
        assertEquals("running", engine.status(started.containers().getFirst()).status());
    }

    @Test
    void aPodStillBeingMadeIsNotStarted() throws Exception {
        PodRecord pod = engine.pod("web");
        host.rt.state().save(pod.withPhase(PodPhase.CREATING));
        JpodException e = assertThrows(JpodException.class, () -> engine.start("web"));
        assertTrue(e.getMessage().contains("not fully created"), e.getMessage());
    }

    private String statusOf(String container) throws Exception {
        return switch (engine.status(engine.container(container).container()).status()) {
            case "exited" -> "Exited";
            case "running" -> "Running";
            default -> "Created";
        };
    }
}
