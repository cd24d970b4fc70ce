package io.jpod.runtime.pod;

import io.jpod.runtime.logs.LogDriver;
import io.jpod.runtime.systemd.NotifyHandoff;
import io.jpod.runtime.systemd.SocketHandoff;

import java.util.Optional;

/**
 * How a play runs the pods it makes, beyond what their plans say.
 *
 * @param start whether the app containers are started, or only created
 * @param logDriver where conmon writes the containers' output
 * @param sockets the container that gets the sockets systemd's socket activation gave this play
 * @param sdNotify the container whose own sd_notify this play passes on to systemd
 */
public record PlayOptions(
        boolean start,
        LogDriver logDriver,
        Optional<SocketHandoff> sockets,
        Optional<NotifyHandoff> sdNotify) {

    public static final PlayOptions DEFAULT = new PlayOptions(true);

    public PlayOptions(boolean start) {
        this(start, LogDriver.K8S_FILE, Optional.empty(), Optional.empty());
    }

    /** What container {@code container} of pod {@code pod} gets of the service. */
    ServiceExtras extrasOf(String pod, String container) {
        return new ServiceExtras(
                sockets.filter(s -> s.to().is(pod, container)).map(SocketHandoff::fds),
                sdNotify.filter(n -> n.to().is(pod, container)).map(NotifyHandoff::relay));
    }
}
