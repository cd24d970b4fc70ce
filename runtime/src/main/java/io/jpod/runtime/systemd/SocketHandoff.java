package io.jpod.runtime.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which container gets the sockets of systemd's socket activation: the one a pod names in its
 * annotation {@code io.jpod/listen-fds: CONTAINER}. It gets them all, in systemd's order, as {@code
 * podman run} gives them all to its one container; one container of the whole play may ask, since a
 * socket handed to two servers would have them race for its connections.
 */
public record SocketHandoff(String pod, String container, ListenFds fds) {

    public static final String ANNOTATION = "io.jpod/listen-fds";

    /**
     * A pod, as far as the choice goes.
     *
     * @param sharedPid whether its containers share a pid namespace (shareProcessNamespace,
     *     hostPID), where a container's process is not the pid 1 that LISTEN_PID then names
     */
    public record Pod(
            String name,
            Map<String, String> annotations,
            List<String> containers,
            boolean sharedPid) {}

    /**
     * The container that asks for {@code fds} among {@code pods}; empty when none does.
     *
     * @throws IllegalArgumentException when an annotation names no container of its pod, or more
     *     than one pod asks
     */
    public static Optional<SocketHandoff> choose(List<Pod> pods, ListenFds fds) {
        List<SocketHandoff> asking = new ArrayList<>();
        for (Pod p : pods) {
            String wanted = p.annotations().get(ANNOTATION);
            if (wanted == null) {
                continue;
            }
            String name = wanted.strip();
            if (!p.containers().contains(name)) {
                throw new IllegalArgumentException(
                        "pod "
                                + p.name()
                                + ": annotation "
                                + ANNOTATION
                                + " names "
                                + (name.isEmpty() ? "no container" : "container " + name)
                                + ", which it does not have (it has "
                                + String.join(", ", p.containers())
                                + ")");
            }
            if (p.sharedPid()) {
                throw new IllegalArgumentException(
                        "pod "
                                + p.name()
                                + ": annotation "
                                + ANNOTATION
                                + " needs the container's own pid namespace (LISTEN_PID=1), and"
                                + " the pod shares one (shareProcessNamespace or hostPID)");
            }
            asking.add(new SocketHandoff(p.name(), name, fds));
        }
        if (asking.size() > 1) {
            throw new IllegalArgumentException(
                    "annotation "
                            + ANNOTATION
                            + ": only one container may take systemd's sockets, and "
                            + String.join(
                                    " and ",
                                    asking.stream()
                                            .map(a -> a.pod() + "/" + a.container())
                                            .toList())
                            + " ask for them");
        }
        return asking.stream().findFirst();
    }
}
