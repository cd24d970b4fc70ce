package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.HelperStatus;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

class PodStatusTest {

    private static final ContainerStatus RUNNING = new ContainerStatus("running", true, 0, null);
    private static final ContainerStatus EXITED =
            new ContainerStatus("exited", false, 0, Records.STARTED);
    private static final ContainerStatus CREATED = new ContainerStatus("created", false, 0, null);

    private final ContainerRecord a = Records.container("a".repeat(64), "web-a", false);
    private final ContainerRecord b = Records.container("b".repeat(64), "web-b", false);

    private String status(PodPhase phase, ContainerStatus sa, ContainerStatus sb) {
        Map<String, ContainerStatus> states = new HashMap<>(Map.of(a.id(), sa, b.id(), sb));
        // the infra container always runs; it must not make an exited pod look alive
        states.put("i".repeat(64), RUNNING);
        return PodStatus.of(Records.pod(phase, a, b), states, Optional.empty());
    }

    @Test
    void fromTheAppContainers() {
        assertEquals("Running", status(PodPhase.CREATED, RUNNING, RUNNING));
        assertEquals("Degraded", status(PodPhase.CREATED, RUNNING, EXITED));
        assertEquals("Exited", status(PodPhase.CREATED, EXITED, EXITED));
        assertEquals("Created", status(PodPhase.CREATED, CREATED, CREATED));
        assertEquals("Exited", status(PodPhase.CREATED, CREATED, EXITED));
    }

    @Test
    void aDeadNetworkHelperDegradesARunningPod() {
        Map<String, ContainerStatus> states = Map.of(a.id(), RUNNING, b.id(), RUNNING);
        PodRecord pod = Records.pod(PodPhase.CREATED, a, b);
        HelperStatus dead = new HelperStatus("slirp4netns", 42, false, "");

        assertEquals("Degraded", PodStatus.of(pod, states, Optional.of(dead)));
        assertEquals(
                "Running",
                PodStatus.of(
                        pod, states, Optional.of(new HelperStatus("slirp4netns", 42, true, ""))));
        assertEquals(
                "Exited",
                PodStatus.of(pod, Map.of(a.id(), EXITED, b.id(), EXITED), Optional.of(dead)),
                "a stopped pod needs no network");
    }

    @Test
    void phasesOtherThanCreatedWin() {
        assertEquals("Creating", status(PodPhase.CREATING, RUNNING, RUNNING));
        assertEquals("Removing", status(PodPhase.REMOVING, RUNNING, RUNNING));
    }
}
