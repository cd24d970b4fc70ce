package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pod rm} and {@code kube down}: stops (SIGTERM, then SIGKILL after the grace period) and
 * removes a pod and all it holds, with only that pod's lock held throughout.
 */
final class Remove {

    private final Runtime rt;
    private final Lookups lookups;
    private final PodTeardown teardown;
    private final Orphans orphans;

    Remove(Runtime rt, Lookups lookups, PodTeardown teardown, Orphans orphans) {
        this.rt = rt;
        this.lookups = lookups;
        this.teardown = teardown;
        this.orphans = orphans;
    }

    /** An orphan named here is repaired, at once and with no grace period, like any other. */
    PodRecord remove(String nameOrId, boolean force) throws PodException, IOException {
        PodRecord pod = lookups.pod(nameOrId);
        if (!orphans.repair().contains(pod.id())) {
            removeLocked(pod, force);
        }
        return pod;
    }

    /**
     * Removes every pod, all at once as {@code kube down} does (each waits out its own grace
     * period: one after the other, 50 pods of 30 s took 25 minutes); returns the ids removed,
     * orphans repaired on the way included.
     */
    List<String> removeAll(boolean force) throws PodException, IOException {
        List<String> removed = new ArrayList<>(orphans.repair());
        for (Optional<String> id :
                Parallel.each(
                        lookups.pods(),
                        pod ->
                                removeLocked(pod, force)
                                        ? Optional.of(pod.id())
                                        : Optional.<String>empty())) {
            id.ifPresent(removed::add);
        }
        return removed;
    }

    /** False when the pod was removed by another command while this one waited for its lock. */
    private boolean removeLocked(PodRecord pod, boolean force) throws PodException, IOException {
        Optional<HeldPod> now = HeldPod.take(rt.state(), pod.id());
        if (now.isEmpty()) {
            return false;
        }
        try (HeldPod held = now.get()) {
            if (!force && lookups.anyRunning(held.pod())) {
                throw new PodException(
                        "pod "
                                + pod.name()
                                + " has running containers: stop it first or use --force");
            }
            teardown.remove(held.pod(), held.pod().gracePeriodSeconds());
            return true;
        }
    }
}
