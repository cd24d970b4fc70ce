package io.jpod.runtime.probe;

import java.nio.file.Path;

/** One kind of probe, run once against a container. A failing probe is a result, not an error. */
interface ProbeCheck {

    Outcome check(Target target, int timeoutSeconds) throws InterruptedException;

    /**
     * What a probe runs against: the container, its pod's network namespace file (null on the host
     * network) and the pod's address, which a probe without {@code host} connects to.
     */
    record Target(String containerId, Path netns, String podIp) {}

    /** exitCode as podman's health log shows it: 0 passed, 1 failed, else the command's own. */
    record Outcome(boolean success, int exitCode, String output) {
        static Outcome passed(String output) {
            return new Outcome(true, 0, output);
        }

        static Outcome failed(String output) {
            return new Outcome(false, 1, output);
        }
    }
}
