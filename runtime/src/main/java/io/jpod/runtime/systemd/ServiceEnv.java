package io.jpod.runtime.systemd;

import java.util.List;
import java.util.Map;

/**
 * The variables systemd gives a service: jpod's own, never its helpers'. runc acts on them itself
 * (with {@code NOTIFY_SOCKET} at create, {@code runc start} waits for the container's READY=1;
 * {@code LISTEN_FDS} hands sockets on), so each helper jpod forks gets an environment without them.
 */
public final class ServiceEnv {

    public static final List<String> VARIABLES =
            List.of(SdNotify.ENV, "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES");

    private ServiceEnv() {}

    /** Removes systemd's service variables from a child's environment. */
    public static void strip(Map<String, String> env) {
        VARIABLES.forEach(env::remove);
    }
}
