package io.jpod.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

class ProcessExitTest {

    @Test
    void aChildStartedByAnotherThreadIsSeen() throws Exception {
        AtomicReference<Process> child = new AtomicReference<>();
        Thread starter =
                new Thread(
                        () -> {
                            try {
                                child.set(new ProcessBuilder("sleep", "30").start());
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        starter.start();
        starter.join();
        try {
            assertTrue(ProcessExit.hasChildren());
        } finally {
            child.get().destroyForcibly().waitFor();
        }
    }
}
