package io.jpod.runtime.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.PodException;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.VolumePlan;
import io.jpod.runtime.spec.PodInput;
import io.jpod.runtime.spec.PodPaths;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class VolumeStoreTest {

    @TempDir Path dir;

    private SpecInput mounting(String claim, String subPath) throws PodException {
        PodPlan plan =
                new PodPlan(
                        "web",
                        "web",
                        Map.of(),
                        30,
                        "Always",
                        PodPlan.NetworkMode.SLIRP4NETNS,
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(new VolumePlan.Named("data", claim)),
                        List.of(),
                        List.of(),
                        "");
        ContainerPlan c =
                new ContainerPlan(
                        "setup",
                        "img",
                        List.of("sh"),
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
                                        "data",
                                        "/data",
                                        subPath,
                                        false,
                                        ContainerPlan.Propagation.NONE)));
        return SpecInput.of(
                PodInput.of(
                        plan, new PodPaths(dir.resolve("pods/p"), dir.resolve("volumes")), null),
                c,
                0,
                0);
    }

    private void saveInitContainer(SpecInput spec) throws Exception {
        ContainerRecord c =
                new ContainerRecord(
                        "c".repeat(64),
                        "web-setup",
                        "p".repeat(64),
                        false,
                        "img",
                        "sha256:" + "ab".repeat(32),
                        List.of("sh"),
                        dir.resolve("b").toString(),
                        dir.resolve("b/rootfs").toString(),
                        true,
                        Instant.now(),
                        null,
                        0,
                        0,
                        0,
                        0,
                        spec);
        new StateStore(dir.resolve("state"))
                .save(
                        new PodRecord(
                                "p".repeat(64),
                                "web",
                                "web",
                                PodPhase.CREATED,
                                1,
                                Instant.now(),
                                Map.of(),
                                30,
                                "Always",
                                null,
                                null,
                                List.of(),
                                List.of(c)));
    }

    @Test
    void aVolumeBoundByAnyContainerIsInUseSubPathsAndInitContainersIncluded() throws Exception {
        VolumeStore store =
                new VolumeStore(dir.resolve("volumes"), new StateStore(dir.resolve("state")));
        store.create("db");
        store.create("other");
        saveInitContainer(mounting("db", "pg/data"));
        PodException e = assertThrows(PodException.class, () -> store.remove("db", false));
        assertEquals("volume db is being used by container web-setup", e.getMessage());
        store.remove("other", false);
        store.remove("db", true);
        assertFalse(Files.exists(dir.resolve("volumes/db")));
    }
}
