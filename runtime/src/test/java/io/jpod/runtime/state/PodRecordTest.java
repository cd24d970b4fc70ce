package io.jpod.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class PodRecordTest {

    private final PodRecord empty =
            Records.pod("f".repeat(64), "web", Instant.parse("2024-05-01T10:00:00Z"));
    private final ContainerRecord a = Records.container("a".repeat(64), "web-a");
    private final ContainerRecord b = Records.container("b".repeat(64), "web-b");
    private final ContainerRecord c = Records.container("c".repeat(64), "web-c");

    @Test
    void withContainerAppendsInOrder() {
        PodRecord pod = empty.withContainer(a).withContainer(b).withContainer(c);
        assertEquals(List.of(a, b, c), pod.containers());
        assertEquals(List.of(), empty.containers(), "records are immutable");
    }

    @Test
    void withContainerReplacesTheSameIdInPlace() {
        ContainerRecord bStarted = b.started(7, 8, 9, Instant.parse("2024-05-01T10:00:02Z"));
        PodRecord pod =
                empty.withContainer(a).withContainer(b).withContainer(c).withContainer(bStarted);
        assertEquals(List.of(a, bStarted, c), pod.containers());
    }

    @Test
    void allContainersPutsInfraFirst() {
        ContainerRecord infra = Records.container("i".repeat(64), "web-infra");
        assertEquals(List.of(a), empty.withContainer(a).allContainers());
        assertEquals(List.of(infra, a), empty.withContainer(a).withInfra(infra).allContainers());
    }

    @Test
    void withPhaseRecordsTheCurrentProcessAsOwner() {
        PodRecord removing = empty.withPhase(PodPhase.REMOVING);
        assertEquals(PodPhase.REMOVING, removing.phase());
        assertEquals(ProcessHandle.current().pid(), removing.ownerPid());
        assertEquals(42, empty.ownerPid());
    }
}
