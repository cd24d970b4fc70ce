package io.jpod.runtime.pod;

import io.jpod.runtime.state.PodRecord;

/**
 * What a play of a source does to one pod, found by comparing its plan with the pod's record.
 *
 * @param sourced the pod's new plan; null when the pod is removed
 * @param existing the pod as it runs; null when it is created
 */
public record ReconcileStep(Action action, String name, SourcedPlan sourced, PodRecord existing) {

    public enum Action {
        /** No pod of that name runs. */
        CREATED,
        /** Its spec changed, or it was not played with a digest to compare: made anew. */
        REPLACED,
        /** Only its ConfigMap, Secret or downward API files changed: swapped in place. */
        UPDATED,
        UNCHANGED,
        /** An earlier play of the same source made it and the source no longer has it. */
        REMOVED;

        /** As the line a play prints says it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean changes() {
        return action != Action.UNCHANGED;
    }
}
