package io.jpod.model;

import java.util.List;

/**
 * A Job's own spec: its pods are in {@link ManifestSet#pods()}, one per completion index, named
 * {@code <job>-<index>} and listed here in index order. Kubernetes' defaults: completions and
 * parallelism 1, backoffLimit 6; activeDeadlineSeconds null when unset.
 */
public record JobModel(
        String name,
        String namespace,
        int completions,
        int parallelism,
        int backoffLimit,
        Long activeDeadlineSeconds,
        List<String> podNames) {

    public static final String INDEX_ENV = "JOB_COMPLETION_INDEX";
    public static final String NAME_LABEL = "job-name";
    public static final String INDEX_LABEL = "batch.kubernetes.io/job-completion-index";

    public JobModel {
        podNames = List.copyOf(podNames);
    }
}
