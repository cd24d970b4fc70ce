package io.jpod.runtime.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A pod's address and its host's, one rule per network mode, for the downward API ({@code
 * status.podIP}, {@code status.hostIP}), the pod's /etc/hosts and inspect. slirp4netns gives every
 * pod its fixed guest address; pasta copies the host's address into the pod's namespace, as a pod
 * on the host's network simply has it. The host's address is that of the interface holding the
 * default route, the one pasta copies.
 */
public record PodAddress(String podIP, String hostIP) {

    /** With no default route, the host is only reachable on loopback. */
    static final String NO_ROUTE = "127.0.0.1";

    /** For a network mode as podman names it: slirp4netns, pasta or host. */
    public static PodAddress of(String mode) {
        return of(mode, hostAddress());
    }

    static PodAddress of(String mode, String hostIP) {
        return switch (mode) {
            case "slirp4netns" -> new PodAddress(Slirp4netns.POD_IP, hostIP);
            case "pasta", "host" -> new PodAddress(hostIP, hostIP);
            default -> throw new IllegalArgumentException("unknown network mode " + mode);
        };
    }

    /** The IPv4 address of the interface with the default route. */
    static String hostAddress() {
        try {
            return defaultRouteInterface(Files.readAllLines(Path.of("/proc/net/route")))
                    .flatMap(PodAddress::ipv4)
                    .orElse(NO_ROUTE);
        } catch (IOException e) {
            return NO_ROUTE;
        }
    }

    /** The interface of the first default route (destination and mask 0) in /proc/net/route. */
    static Optional<String> defaultRouteInterface(List<String> route) {
        for (String line : route.subList(Math.min(1, route.size()), route.size())) {
            String[] f = line.strip().split("\\s+");
            if (f.length > 7 && f[1].equals("00000000") && f[7].equals("00000000")) {
                return Optional.of(f[0]);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null) {
                return Optional.empty();
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address) {
                    return Optional.of(a.getHostAddress());
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
