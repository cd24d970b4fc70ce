package io.jpod.runtime.pod;

import java.util.List;

/**
 * A Job for {@link JobRun}: its pods' plans in completion-index order, one per completion.
 *
 * @param activeDeadlineSeconds null when the Job has none
 */
public record JobPlan(
        String name,
        int parallelism,
        int backoffLimit,
        Long activeDeadlineSeconds,
        List<PodPlan> pods) {

    public JobPlan {
        pods = List.copyOf(pods);
        parallelism = Math.max(1, parallelism);
    }

    public int completions() {
        return pods.size();
    }
}
