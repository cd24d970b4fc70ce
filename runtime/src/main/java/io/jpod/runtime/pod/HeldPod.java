package io.jpod.runtime.pod;

import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import java.io.IOException;
import java.util.Optional;

/**
 * A pod's lock with its record read again under it: what another command changed while this one
 * waited is seen. A pod removed meanwhile yields nothing, and leaves no lock file behind.
 */
record HeldPod(PodRecord pod, StateStore.Lock lock) implements AutoCloseable {

    /** Waits for the pod's lock. */
    static Optional<HeldPod> take(StateStore state, String podId) throws IOException {
        return reread(state, podId, state.podLock(podId));
    }

    /** The pod's lock if free now. */
    static Optional<HeldPod> tryTake(StateStore state, String podId) throws IOException {
        Optional<StateStore.Lock> lock = state.tryPodLock(podId);
        return lock.isEmpty() ? Optional.empty() : reread(state, podId, lock.get());
    }

    private static Optional<HeldPod> reread(StateStore state, String podId, StateStore.Lock lock)
            throws IOException {
        try {
            Optional<PodRecord> pod = state.pod(podId).filter(p -> p.id().equals(podId));
            if (pod.isEmpty()) {
                state.deletePodLock(podId);
                lock.close();
                return Optional.empty();
            }
            return Optional.of(new HeldPod(pod.get(), lock));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
