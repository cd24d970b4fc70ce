package io.jpod.runtime.pod;

import io.jpod.runtime.state.StateStore;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A pod's lock held by a thread of its own, as another jpod command would hold it, until closed.
 * The lock is released by the thread that took it.
 */
final class HeldLock implements AutoCloseable {

    private final CountDownLatch taken = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread holder;

    HeldLock(StateStore state, String podId) throws InterruptedException {
        holder =
                Thread.ofPlatform()
                        .start(
                                () -> {
                                    try (StateStore.Lock ignored = state.podLock(podId)) {
                                        taken.countDown();
                                        release.await();
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
        if (!taken.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the lock of " + podId + " was not taken");
        }
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        holder.join();
    }
}
