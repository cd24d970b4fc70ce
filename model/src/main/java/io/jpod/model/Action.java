package io.jpod.model;

import java.util.List;

/** What a probe or lifecycle hook does. */
public sealed interface Action {
    record Exec(List<String> command) implements Action {}

    /** scheme is HTTP or HTTPS; host null means the pod IP. */
    record HttpGet(String path, PortRef port, String host, String scheme, List<HttpHeader> headers)
            implements Action {}

    record TcpSocket(PortRef port, String host) implements Action {}

    record Grpc(int port, String service) implements Action {}

    /** Lifecycle hooks only. */
    record Sleep(long seconds) implements Action {}

    record HttpHeader(String name, String value) {}
}
