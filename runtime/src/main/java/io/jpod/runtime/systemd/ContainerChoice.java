package io.jpod.runtime.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one container of a play that a pod annotation names for something systemd gave the service
 * (its sockets, its notify socket): {@code ANNOTATION: CONTAINER}. One container of the whole play
 * may take it: systemd has one service, and a socket handed to two servers would have them race for
 * its connections, as two READY=1 would race to speak for the service.
 */
public record ContainerChoice(String pod, String container) {

    /**
     * A pod, as far as the choice goes.
     *
     * @param sharedPid whether its containers share a pid namespace (shareProcessNamespace,
     *     hostPID), where a container's process is not pid 1
     */
    public record Pod(
            String name,
            Map<String, String> annotations,
            List<String> containers,
            boolean sharedPid) {}

    /**
     * The container {@code annotation} names among {@code pods}; empty when no pod has it.
     *
     * @param ownPid whether the container must be pid 1 of its own pid namespace
     * @throws IllegalArgumentException when an annotation names no container of its pod, more than
     *     one pod asks, or {@code ownPid} and the pod shares its pid namespace
     */
    public static Optional<ContainerChoice> choose(
            List<Pod> pods, String annotation, boolean ownPid) {
        List<ContainerChoice> asking = new ArrayList<>();
        for (Pod p : pods) {
            String wanted = p.annotations().get(annotation);
            if (wanted == null) {
                continue;
            }
            String name = wanted.strip();
            if (!p.containers().contains(name)) {
                throw new IllegalArgumentException(
                        "pod "
                                + p.name()
                                + ": annotation "
                                + annotation
                                + " names "
                                + (name.isEmpty() ? "no container" : "container " + name)
                                + ", which it does not have (it has "
                                + String.join(", ", p.containers())
                                + ")");
            }
            if (ownPid && p.sharedPid()) {
                throw new IllegalArgumentException(
                        "pod "
                                + p.name()
                                + ": annotation "
                                + annotation
                                + " needs the container's own pid namespace (LISTEN_PID=1), and"
                                + " the pod shares one (shareProcessNamespace or hostPID)");
            }
            asking.add(new ContainerChoice(p.name(), name));
        }
        if (asking.size() > 1) {
            throw new IllegalArgumentException(
                    "annotation "
                            + annotation
                            + ": only one container of a play may have it, and "
                            + String.join(
                                    " and ",
                                    asking.stream()
                                            .map(a -> a.pod() + "/" + a.container())
                                            .toList())
                            + " ask for it");
        }
        return asking.stream().findFirst();
    }

    /** Whether this is container {@code container} of pod {@code pod}. */
    public boolean is(String pod, String container) {
        return this.pod.equals(pod) && this.container.equals(container);
    }
}
