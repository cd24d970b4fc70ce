package io.jpod.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.oci.OciConfig;
import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.VolumePlan;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A container's spec is generated again from its stored record, not read back from disk. */
class SpecInputRecordTest {

    @TempDir Path dir;

    static SpecInput input() throws Exception {
        PodPlan plan =
                new PodPlan(
                        "web",
                        "web",
                        Map.of(),
                        30,
                        "Always",
                        PodPlan.NetworkMode.PASTA,
                        true,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(
                                new VolumePlan.Named("db", "claim"),
                                new VolumePlan.Files(
                                        "cfg",
                                        List.of(
                                                new VolumePlan.FileEntry(
                                                        "k", new byte[] {1}, 0600)))),
                        List.of(),
                        List.of(),
                        "");
        ContainerPlan c =
                new ContainerPlan(
                        "app",
                        "localhost/app:1",
                        "sha256:" + "1".repeat(64),
                        List.of("/bin/sh", "-c", "sleep 1"),
                        List.of("PATH=/opt/bin:/bin"),
                        "/srv",
                        "app",
                        true,
                        false,
                        true,
                        true,
                        List.of("NET_ADMIN"),
                        List.of("CHOWN"),
                        List.of(
                                new ContainerPlan.MountPlan(
                                        "db",
                                        "/db",
                                        "sub",
                                        false,
                                        ContainerPlan.Propagation.HOST_TO_CONTAINER),
                                new ContainerPlan.MountPlan(
                                        "cfg",
                                        "/cfg",
                                        null,
                                        false,
                                        ContainerPlan.Propagation.NONE)),
                        List.of());
        return SpecInput.of(
                PodInput.of(
                        plan,
                        new PodPaths(Path.of("/p/pods/1"), Path.of("/p/volumes")),
                        Path.of("/run/netns/1"),
                        null),
                c,
                1000,
                1000,
                null);
    }

    static PodRecord pod(ContainerRecord c) {
        return new PodRecord(
                "p".repeat(64),
                "web",
                "web",
                PodPhase.CREATED,
                1,
                Instant.parse("2024-05-01T10:00:00Z"),
                Map.of(),
                30,
                "Always",
                null,
                null,
                List.of(c),
                List.of(),
                PodRecord.Holds.NONE);
    }

    static ContainerRecord container(String name, SpecInput spec) {
        return new ContainerRecord(
                "c".repeat(64),
                name,
                "p".repeat(64),
                false,
                "localhost/app:1",
                "sha256:" + "ab".repeat(32),
                List.of("/bin/sh"),
                "/b",
                "/b/rootfs",
                true,
                Instant.parse("2024-05-01T10:00:00Z"),
                null,
                0,
                0,
                0,
                0,
                spec);
    }

    @Test
    void theStoredInputGeneratesTheSameSpec() throws Exception {
        SpecInput in = input();
        StateStore store = new StateStore(dir);
        store.save(pod(container("web-app", in)));
        SpecInput stored = store.pods().getFirst().containers().getFirst().spec();
        assertEquals(in, stored);
        assertEquals(
                OciConfig.toJson(SpecGenerator.generate(in, "/r", 7, true)),
                OciConfig.toJson(SpecGenerator.generate(stored, "/r", 7, true)));
    }

    @Test
    void aNewInfraProcessOnlyMovesTheJoinedNamespaces() throws Exception {
        SpecInput in = input();
        var before = SpecGenerator.generate(in, "/r", 7, true);
        var after = SpecGenerator.generate(in, "/r", 8, true);
        assertEquals(before.mounts(), after.mounts());
        assertEquals(
                List.of("/proc/8/ns/ipc", "/proc/8/ns/uts", "/run/netns/1", "/proc/8/ns/pid"),
                after.namespaces().stream().map(n -> n.path()).filter(p -> p != null).toList());
    }

    @Test
    void execSearchesThePathOfTheContainersEnvironment() throws Exception {
        assertEquals(List.of("PATH=/opt/bin:/bin"), ProcessSpec.env(input()));
        assertEquals(
                List.of("PATH=/"),
                ProcessSpec.env(
                        SpecInput.infra(
                                PodInput.infra(
                                        "web",
                                        null,
                                        java.nio.file.Path.of("/usr/bin/catatonit"),
                                        null))));
    }

    @Test
    void sourcesAreTheHostPathsBound() throws Exception {
        assertEquals(
                List.of(Path.of("/p/volumes/claim/_data/sub"), Path.of("/p/pods/1/volumes/cfg")),
                MountSpec.sources(input()));
    }
}
