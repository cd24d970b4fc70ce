package io.jpod.cli.output;

import io.jpod.runtime.state.PortMapping;

import java.util.List;
import java.util.Locale;

/** {@code port}'s lines as podman prints them: {@code 8080/tcp -> 0.0.0.0:18080}. */
public final class PortView {

    private PortView() {}

    /**
     * The mappings whose container port (and protocol, if given: {@code 8080/udp}) match {@code
     * only}; all of them for null.
     */
    public static List<String> lines(List<PortMapping> ports, String only) {
        return ports.stream().filter(p -> matches(p, only)).map(PortView::line).toList();
    }

    public static String line(PortMapping p) {
        String host = p.hostIP() == null || p.hostIP().isEmpty() ? "0.0.0.0" : p.hostIP();
        return p.containerPort()
                + "/"
                + protocol(p)
                + " -> "
                + (host.contains(":") ? "[" + host + "]" : host)
                + ":"
                + p.hostPort();
    }

    /** Whether {@code only} is a port number, with an optional /tcp, /udp or /sctp. */
    public static boolean valid(String only) {
        return only.matches("\\d{1,5}(/(tcp|udp|sctp))?");
    }

    private static boolean matches(PortMapping p, String only) {
        if (only == null) {
            return true;
        }
        String[] parts = only.split("/", 2);
        return Integer.parseInt(parts[0]) == p.containerPort()
                && (parts.length == 1 || parts[1].equals(protocol(p)));
    }

    private static String protocol(PortMapping p) {
        return p.protocol() == null ? "tcp" : p.protocol().toLowerCase(Locale.ROOT);
    }
}
