package io.jpod.runtime.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample records for the state tests. */
final class Records {

    private Records() {}

    static ContainerRecord container(String id, String name) {
        return new ContainerRecord(
                id,
                name,
                "p".repeat(64),
                false,
                "docker.io/library/busybox:latest",
                "sha256:" + "ab".repeat(32),
                List.of("/bin/sh", "-c", "sleep 1"),
                "/b/" + id,
                "/b/" + id + "/rootfs",
                true,
                Instant.parse("2024-05-01T10:00:00Z"),
                null,
                0,
                0,
                0,
                0,
                null);
    }

    static PodRecord pod(String id, String name, Instant created) {
        return new PodRecord(
                id,
                name,
                name,
                PodPhase.CREATED,
                42,
                created,
                Map.of("app", name),
                30,
                "Always",
                null,
                null,
                List.of(),
                List.of(),
                PodRecord.Holds.NONE);
    }
}
