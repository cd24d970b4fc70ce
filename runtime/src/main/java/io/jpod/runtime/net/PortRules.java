package io.jpod.runtime.net;

import io.jpod.runtime.state.PortMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a pod's hostPorts against what an unprivileged user may bind, before anything is created.
 */
public final class PortRules {

    private PortRules() {}

    public static int unprivilegedStart() {
        try {
            return Integer.parseInt(
                    Files.readString(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start"))
                            .strip());
        } catch (IOException | NumberFormatException e) {
            return 1024;
        }
    }

    /** Throws naming the first port a rootless user cannot forward. */
    public static void checkRootless(List<PortMapping> ports, int unprivilegedStart)
            throws IOException {
        for (PortMapping p : ports) {
            if (p.hostPort() < unprivilegedStart) {
                throw new IOException(
                        "hostPort "
                                + p.hostPort()
                                + " is below net.ipv4.ip_unprivileged_port_start ("
                                + unprivilegedStart
                                + "): rootless jpod cannot bind it; use a port >= "
                                + unprivilegedStart
                                + " or lower that sysctl");
            }
        }
    }
}
