package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code wait [--condition STATE] CTR}: polls the container's status, derived as always from its
 * process and conmon's exit file, until it reaches the state; no lock is held while waiting.
 */
final class ContainerWait {

    /** podman's conditions that jpod's containers pass through. */
    static final List<String> CONDITIONS = List.of("stopped", "exited", "running");

    private final Runtime rt;
    private final Lookups lookups;

    ContainerWait(Runtime rt, Lookups lookups) {
        this.rt = rt;
        this.lookups = lookups;
    }

    /** Returns the container's exit code once it is in that state (0 while it runs). */
    int await(String nameOrId, String condition, Duration interval)
            throws JpodException, IOException {
        if (!CONDITIONS.contains(condition)) {
            throw new JpodException(
                    "unsupported wait condition \""
                            + condition
                            + "\": choose from "
                            + String.join(", ", CONDITIONS));
        }
        Located found = lookups.container(nameOrId);
        String id = found.container().id();
        boolean untilRunning = condition.equals("running");
        try {
            while (true) {
                Optional<Located> now = lookups.findContainer(id);
                if (now.isEmpty()) {
                    throw new PodException(
                            "container " + found.container().name() + " was removed");
                }
                ContainerStatus status = lookups.status(now.get().container());
                if (status.running() == untilRunning) {
                    return status.exitCode();
                }
                rt.processes().sleep(Math.max(1, interval.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + nameOrId, e);
        }
    }
}
