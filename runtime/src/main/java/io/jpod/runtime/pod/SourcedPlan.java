package io.jpod.runtime.pod;

import io.jpod.runtime.state.PodRecord;

/**
 * A plan with where it came from: the absolute file, directory or URL a play named (null for
 * stdin), which {@code kube down} and {@code --prune} find the pod by.
 */
public record SourcedPlan(PodPlan plan, String source) {

    /** What the pod's record keeps of this plan. */
    public PodRecord.Applied applied() {
        return new PodRecord.Applied(source, PlanDigest.spec(plan), PlanDigest.files(plan));
    }
}
