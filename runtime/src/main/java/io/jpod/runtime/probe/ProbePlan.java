package io.jpod.runtime.probe;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One liveness, readiness or startup probe as the runtime runs it: Kubernetes' defaults applied and
 * a named port already resolved to its number.
 *
 * @param terminationGracePeriodSeconds the probe's own grace period for the kill a failure causes;
 *     null for the pod's
 */
public record ProbePlan(
        Action action,
        int initialDelaySeconds,
        int periodSeconds,
        int timeoutSeconds,
        int successThreshold,
        int failureThreshold,
        Long terminationGracePeriodSeconds) {

    /** What the probe does. {@code host} null means the pod's own address. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Action.Exec.class, name = "exec"),
        @JsonSubTypes.Type(value = Action.HttpGet.class, name = "httpGet"),
        @JsonSubTypes.Type(value = Action.TcpSocket.class, name = "tcpSocket"),
        @JsonSubTypes.Type(value = Action.Grpc.class, name = "grpc")
    })
    public sealed interface Action {
        record Exec(List<String> command) implements Action {
            public Exec {
                command = List.copyOf(command);
            }
        }

        /** {@code scheme} HTTP or HTTPS. */
        record HttpGet(String scheme, String host, int port, String path, List<Header> headers)
                implements Action {
            public HttpGet {
                headers = headers == null ? List.of() : List.copyOf(headers);
            }
        }

        record TcpSocket(String host, int port) implements Action {}

        /** {@code service} empty or null asks for the server's overall health. */
        record Grpc(int port, String service) implements Action {}
    }

    public record Header(String name, String value) {}

    /** "exec [cat /tmp/ok]", "http-get http://:8080/", as kubectl describe names a probe. */
    public String describe() {
        return switch (action) {
            case Action.Exec e -> "exec " + e.command();
            case Action.HttpGet h ->
                    "http-get "
                            + h.scheme().toLowerCase(java.util.Locale.ROOT)
                            + "://"
                            + (h.host() == null ? "" : h.host())
                            + ":"
                            + h.port()
                            + h.path();
            case Action.TcpSocket t ->
                    "tcp-socket " + (t.host() == null ? "" : t.host()) + ":" + t.port();
            case Action.Grpc g -> "grpc <pod>:" + g.port() + " " + g.service();
        };
    }
}
