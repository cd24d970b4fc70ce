package io.jpod.runtime.systemd;

/**
 * Which container gets the sockets of systemd's socket activation: the one a pod names in its
 * annotation {@code io.jpod/listen-fds: CONTAINER}. It gets them all, in systemd's order, as {@code
 * podman run} gives them all to its one container.
 */
public record SocketHandoff(ContainerChoice to, ListenFds fds) {

    public static final String ANNOTATION = "io.jpod/listen-fds";
}
