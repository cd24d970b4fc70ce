package io.jpod.runtime.pod;

import io.jpod.runtime.logs.LogDriver;
import io.jpod.runtime.systemd.SocketHandoff;

import java.util.Optional;

/**
 * How a play runs the pods it makes, beyond what their plans say.
 *
 * @param start whether the app containers are started, or only created
 * @param logDriver where conmon writes the containers' output
 * @param sockets the container that gets the sockets systemd's socket activation gave this play
 */
public record PlayOptions(boolean start, LogDriver logDriver, Optional<SocketHandoff> sockets) {

    public static final PlayOptions DEFAULT = new PlayOptions(true);

    public PlayOptions(boolean start) {
        this(start, LogDriver.K8S_FILE, Optional.empty());
    }

    /** The sockets for container {@code container} of pod {@code pod}, if they are its. */
    Optional<io.jpod.runtime.systemd.ListenFds> socketsOf(String pod, String container) {
        return sockets.filter(s -> s.pod().equals(pod) && s.container().equals(container))
                .map(SocketHandoff::fds);
    }
}
