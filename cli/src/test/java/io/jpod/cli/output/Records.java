package io.jpod.cli.output;

import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample state records for the output tests. */
final class Records {

    static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant STARTED = Instant.parse("2024-05-01T10:00:02Z");

    private Records() {}

    static ContainerRecord container(String id, String name, boolean infra) {
        return container(id, name, infra, null);
    }

    static ContainerRecord container(String id, String name, boolean infra, SpecInput spec) {
        return new ContainerRecord(
                id,
                name,
                "p".repeat(64),
                infra,
                "localhost/app:1",
                "sha256:" + "ab".repeat(32),
                List.of("/entry", "a", "b"),
                "/data/containers/" + id + "/userdata",
                "/rootfs",
                true,
                CREATED,
                STARTED,
                11,
                12,
                13,
                2,
                spec);
    }

    static PodRecord pod(PodPhase phase, ContainerRecord... containers) {
        return new PodRecord(
                "p".repeat(64),
                "web",
                "web",
                phase,
                1,
                CREATED,
                Map.of("app", "web"),
                30,
                "Always",
                null,
                container("i".repeat(64), "web-infra", true),
                List.of(containers),
                List.of(),
                PodRecord.Holds.NONE);
    }
}
