package io.jpod.runtime.pod;

import io.jpod.runtime.state.PodRecord;

/** What a play did to one pod; {@code pod} is its record after (before, when removed). */
public record Reconciled(ReconcileStep.Action action, PodRecord pod) {}
