package io.jpod.runtime.probe;

import io.jpod.runtime.net.PodAddress;
import io.jpod.runtime.state.NetworkRecord;
import io.jpod.runtime.state.PodRecord;

import java.nio.file.Path;

/**
 * One kind of probe, run once against a container. A failing probe is a result, not an error.
 * Public for the play's sidecar gate, which runs a startup probe before the prober knows the pod.
 */
public interface ProbeCheck {

    Outcome check(Target target, int timeoutSeconds) throws InterruptedException;

    /**
     * What a probe runs against: the container, its pod's network namespace file (null on the host
     * network) and the pod's address, which a probe without {@code host} connects to.
     */
    record Target(String containerId, Path netns, String podIp) {

        /** A container of {@code pod}: in its network namespace, or jpod's own on the host's. */
        public static Target of(PodRecord pod, String containerId) {
            NetworkRecord net = pod.network();
            String mode = net == null || net.mode() == null ? "host" : net.mode();
            Path netns = net == null || net.netnsPath() == null ? null : Path.of(net.netnsPath());
            String ip = netns == null ? "127.0.0.1" : PodAddress.of(mode).podIP();
            return new Target(containerId, netns, ip);
        }
    }

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
