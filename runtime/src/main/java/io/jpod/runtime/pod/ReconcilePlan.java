package io.jpod.runtime.pod;

import io.jpod.runtime.state.PodRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the pods a play wants with those that run: nothing here acts, so {@code kube diff} shows
 * exactly what {@code play kube --replace} would do.
 */
public final class ReconcilePlan {

    private ReconcilePlan() {}

    /**
     * One step per wanted pod, in their order, then (with {@code prune}) one per pod that a play of
     * one of {@code sources} made and that is no longer wanted.
     */
    public static List<ReconcileStep> of(
            List<SourcedPlan> wanted,
            Collection<PodRecord> running,
            Set<String> sources,
            boolean prune) {
        Map<String, PodRecord> byName =
                running.stream()
                        .collect(
                                Collectors.toMap(
                                        PodRecord::name, Function.identity(), (a, b) -> a));
        List<ReconcileStep> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SourcedPlan s : wanted) {
            String name = s.plan().name();
            names.add(name);
            PodRecord existing = byName.get(name);
            steps.add(new ReconcileStep(action(s, existing), name, s, existing));
        }
        if (prune) {
            for (PodRecord p : running) {
                if (!names.contains(p.name())
                        && p.applied() != null
                        && p.applied().source() != null
                        && sources.contains(p.applied().source())) {
                    steps.add(new ReconcileStep(ReconcileStep.Action.REMOVED, p.name(), null, p));
                }
            }
        }
        return steps;
    }

    private static ReconcileStep.Action action(SourcedPlan s, PodRecord existing) {
        if (existing == null) {
            return ReconcileStep.Action.CREATED;
        }
        PodRecord.Applied was = existing.applied();
        PodRecord.Applied now = s.applied();
        if (was == null || !now.specDigest().equals(was.specDigest())) {
            return ReconcileStep.Action.REPLACED;
        }
        return now.filesDigest().equals(was.filesDigest())
                ? ReconcileStep.Action.UNCHANGED
                : ReconcileStep.Action.UPDATED;
    }
}
