package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pods left half-made or half-removed by a jpod that died (kill -9, power loss). A pod is orphaned
 * when its phase says CREATING or REMOVING and no one holds its lock: the kernel dropped the lock
 * of the command that died. A pod whose lock is held is being worked on and is left alone.
 */
final class Orphans {

    private final Runtime rt;
    private final PodTeardown teardown;

    Orphans(Runtime rt, PodTeardown teardown) {
        this.rt = rt;
        this.teardown = teardown;
    }

    /** Tears the orphans down; returns their ids. */
    List<String> repair() throws IOException {
        List<String> repaired = new ArrayList<>();
        for (PodRecord pod : rt.state().pods()) {
            if (!unfinished(pod)) {
                continue;
            }
            Optional<HeldPod> free = HeldPod.tryTake(rt.state(), pod.id());
            if (free.isEmpty()) {
                continue;
            }
            try (HeldPod held = free.get()) {
                if (unfinished(held.pod())) {
                    teardown.remove(held.pod(), 0);
                    repaired.add(pod.id());
                }
            }
        }
        // under the global lock no play can reserve a pod between the records read and the sweep;
        // one already making its pod shows as CREATING, and the sweep leaves containers alone then
        try (StateStore.Lock ignored = rt.state().lock()) {
            new LeftoverSweep(rt).sweep(rt.state().pods(), !repaired.isEmpty());
        }
        return repaired;
    }

    private static boolean unfinished(PodRecord pod) {
        return pod.phase() == PodPhase.CREATING || pod.phase() == PodPhase.REMOVING;
    }
}
