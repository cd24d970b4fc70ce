package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** rmi and volume rm against what pods hold. */
class StoreRemovalsTest {

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
    void anImageARunningContainerUsesIsKept() throws Exception {
        engine.play(List.of(Plans.pod("web", box, "a")), false);
        JpodException e = assertThrows(JpodException.class, () -> engine.removeImage("box"));
        assertEquals("image box is in use by container web-a", e.getMessage());
        assertTrue(engine.findImage("box").isPresent());
        engine.remove("web", true);
        assertEquals(box, engine.removeImage("box").id());
        assertTrue(engine.findImage(box).isEmpty());
    }

    @Test
    void anImageOnlyAnInitContainerUsedIsKept() throws Exception {
        host.exitOnStart.put("web-i", 0);
        PodRecord pod =
                engine.play(
                                List.of(
                                        Plans.pod(
                                                "web",
                                                "Always",
                                                30,
                                                List.of(Plans.container("i", box)),
                                                List.of())),
                                false)
                        .getFirst();
        host.rt.state().save(pod.withContainers(List.of()));
        assertThrows(JpodException.class, () -> engine.removeImage(box));
    }

    @Test
    void whatAPodBeingMadeHoldsIsKeptBeforeAnyOfItsContainersExists() throws Exception {
        host.rt
                .state()
                .save(
                        new PodRecord(
                                "c".repeat(64),
                                "making",
                                "making",
                                PodPhase.CREATING,
                                1,
                                Instant.now(),
                                Map.of(),
                                30,
                                "Always",
                                null,
                                null,
                                List.of(),
                                List.of(),
                                new PodRecord.Holds(List.of(box), Map.of("data", List.of()))));
        engine.createVolume("data");
        try (HeldLock held = new HeldLock(host.rt.state(), "c".repeat(64))) {
            JpodException rmi = assertThrows(JpodException.class, () -> engine.removeImage("box"));
            assertEquals("image box is in use by pod making", rmi.getMessage());
            JpodException rm =
                    assertThrows(JpodException.class, () -> engine.removeVolume("data", false));
            assertEquals("volume data is being used by pod making", rm.getMessage());
        }
    }

    @Test
    void aClaimedVolumeIsKeptUnlessForcedAndNamesItsContainers() throws Exception {
        PodPlan plan =
                Plans.withVolumes(
                        Plans.pod(
                                "web",
                                "Always",
                                30,
                                List.of(),
                                List.of(
                                        new ContainerPlan(
                                                "a",
                                                "box",
                                                box,
                                                List.of("/bin/sh"),
                                                List.of(),
                                                "",
                                                "",
                                                false,
                                                false,
                                                false,
                                                false,
                                                List.of(),
                                                List.of(),
                                                List.of(
                                                        new ContainerPlan.MountPlan(
                                                                "v",
                                                                "/data",
                                                                "",
                                                                false,
                                                                ContainerPlan.Propagation.NONE)),
                                                List.of()))),
                        List.of(new VolumePlan.Named("v", "data")));
        engine.play(List.of(plan), false);
        assertTrue(engine.findVolume("data").isPresent(), "made by the play");
        JpodException e =
                assertThrows(JpodException.class, () -> engine.removeVolume("data", false));
        assertEquals("volume data is being used by container web-a", e.getMessage());
        engine.remove("web", true);
        engine.removeVolume("data", false);
        assertTrue(engine.findVolume("data").isEmpty());
    }

    @Test
    void forceRemovesAVolumeInUse() throws Exception {
        engine.createVolume("data");
        engine.removeVolume("data", true);
        assertEquals(List.of(), engine.volumes());
    }
}
