package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

class ReconcilePlanTest {

    private static final String SOURCE = "/srv/app";

    private static PodRecord running(String name, PodRecord.Applied applied) {
        return new PodRecord(
                "id-" + name,
                name,
                name,
                PodPhase.CREATED,
                1,
                Instant.EPOCH,
                Map.of(),
                30,
                "Always",
                null,
                null,
                List.of(),
                List.of(),
                PodRecord.Holds.NONE,
                applied);
    }

    private static SourcedPlan wanted(String name, String imageId) {
        return new SourcedPlan(Plans.pod(name, imageId, "app"), SOURCE);
    }

    private static String summary(List<ReconcileStep> steps) {
        return String.join(
                " ", steps.stream().map(s -> s.name() + "=" + s.action().word()).toList());
    }

    @Test
    void eachPodIsCreatedReplacedUnchangedOrRemoved() {
        SourcedPlan same = wanted("same", "sha256:a");
        SourcedPlan changed = wanted("changed", "sha256:b");
        SourcedPlan fresh = wanted("fresh", "sha256:a");
        List<PodRecord> pods =
                List.of(
                        running("same", same.applied()),
                        running("changed", wanted("changed", "sha256:a").applied()),
                        running("gone", wanted("gone", "sha256:a").applied()),
                        running(
                                "foreign",
                                new PodRecord.Applied("/elsewhere", "sha256:x", "sha256:y")),
                        running("legacy", null));
        List<SourcedPlan> all = List.of(same, changed, fresh);
        assertEquals(
                "same=unchanged changed=replaced fresh=created",
                summary(ReconcilePlan.of(all, pods, Set.of(SOURCE), false)));
        assertEquals(
                "same=unchanged changed=replaced fresh=created gone=removed",
                summary(ReconcilePlan.of(all, pods, Set.of(SOURCE), true)),
                "prune removes only what this source made");
    }

    @Test
    void onlyFilesChangedIsAnUpdateAndNoDigestIsAReplace() {
        SourcedPlan now = wanted("web", "sha256:a");
        PodRecord.Applied was = now.applied();
        PodRecord filesOnly =
                running(
                        "web",
                        new PodRecord.Applied(SOURCE, was.specDigest(), "sha256:older-files"));
        assertEquals(
                "web=updated",
                summary(ReconcilePlan.of(List.of(now), List.of(filesOnly), Set.of(), false)));
        assertEquals(
                "web=replaced",
                summary(
                        ReconcilePlan.of(
                                List.of(now), List.of(running("web", null)), Set.of(), false)),
                "a pod played before digests were kept cannot be told unchanged");
    }
}
