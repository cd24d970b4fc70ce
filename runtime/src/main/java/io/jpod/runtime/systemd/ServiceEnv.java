package io.jpod.runtime.systemd;

import java.util.List;
import java.util.Map;

/**
 * The variables systemd gives a service: jpod's own, never the OCI runtime's. runc acts on them
 * itself (with {@code NOTIFY_SOCKET} at create, {@code runc start} waits for the container's
 * READY=1; {@code LISTEN_FDS} hands sockets on), so conmon and the runc commands jpod runs get an
 * environment without them. jpod's re-exec into its user namespace keeps them: that jpod is the one
 * that notifies.
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
