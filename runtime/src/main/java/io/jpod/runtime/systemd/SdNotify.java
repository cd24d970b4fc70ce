package io.jpod.runtime.systemd;

import io.jpod.runtime.sys.Libc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * systemd's notification protocol (sd_notify(3)): newline-separated {@code KEY=VALUE} assignments
 * in one datagram to the unix socket {@code NOTIFY_SOCKET} names, a path or, after {@code @}, an
 * abstract name.
 */
public final class SdNotify {

    /** The variable systemd sets for a Type=notify service. */
    public static final String ENV = "NOTIFY_SOCKET";

    private final String socket;

    private SdNotify(String socket) {
        this.socket = socket;
    }

    /** The notifier of a service, when systemd (or a test) set {@code NOTIFY_SOCKET}. */
    public static Optional<SdNotify> from(Map<String, String> env) {
        String socket = env.get(ENV);
        return socket == null || socket.isEmpty()
                ? Optional.empty()
                : Optional.of(new SdNotify(socket));
    }

    /** Tells systemd the service is up, and which process to watch as its main one. */
    public void ready(long mainPid) throws IOException {
        send("MAINPID=" + mainPid + "\nREADY=1");
    }

    /** Sends one notification: assignments separated by newlines. */
    void send(String state) throws IOException {
        try {
            Libc.sendUnixDatagram(socket, state.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(ENV + ": " + e.getMessage(), e);
        }
    }
}
