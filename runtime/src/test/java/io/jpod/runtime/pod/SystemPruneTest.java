package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.image.Image;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which pods, images and volumes a prune selects. */
class SystemPruneTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private final Image used = image("sha256:used", List.of("localhost/used:latest"));
    private final Image named = image("sha256:named", List.of("localhost/named:latest"));
    private final Image dangling = image("sha256:dangling", List.of());
    private final Image danglingOfStopped = image("sha256:old", List.of());
    private final PodRecord running = pod("running", "sha256:used", "data");
    private final PodRecord stopped = pod("stopped", "sha256:old", "cache");
    private final Set<String> alive = Set.of("running-a");

    @Test
    void podsWithNothingRunningThenDanglingImagesNoPodHolds() {
        SystemPrune.Selection s = select(false, false);
        assertEquals(List.of(stopped), s.pods());
        assertEquals(List.of(dangling, danglingOfStopped), s.images());
        assertEquals(List.of(), s.volumes());
    }

    @Test
    void allTakesNamedImagesAndVolumesThoseOfRemovedPods() {
        SystemPrune.Selection s = select(true, true);
        assertEquals(List.of(named, dangling, danglingOfStopped), s.images());
        assertEquals(List.of("cache", "spare"), s.volumes());
    }

    private SystemPrune.Selection select(boolean all, boolean volumes) {
        return SystemPrune.select(
                List.of(running, stopped),
                c -> alive.contains(c.name()),
                List.of(used, named, dangling, danglingOfStopped),
                List.of("data", "cache", "spare"),
                all,
                volumes);
    }

    private static Image image(String id, List<String> names) {
        return new Image(id, names, List.of(), null, T, 1000);
    }

    private static PodRecord pod(String name, String imageId, String volume) {
        ContainerRecord infra = container(name + "-infra", true, "");
        ContainerRecord app = container(name + "-a", false, imageId);
        return new PodRecord(
                name + "0".repeat(60),
                name,
                name,
                PodPhase.CREATED,
                1,
                T,
                Map.of(),
                1,
                "Always",
                null,
                infra,
                List.of(app),
                List.of(),
                new PodRecord.Holds(List.of(imageId), Map.of(volume, List.of(app.name()))));
    }

    private static ContainerRecord container(String name, boolean infra, String imageId) {
        return new ContainerRecord(
                name + "0".repeat(60),
                name,
                "p",
                infra,
                "",
                imageId,
                List.of("sh"),
                "/b",
                "/r",
                !infra,
                T,
                T,
                1,
                2,
                3,
                0,
                null);
    }
}
