package io.jpod.model;

import io.jpod.model.yaml.ScalarKind;
import io.jpod.model.yaml.YMap;
import io.jpod.model.yaml.YNode;

import java.util.ArrayList;
import java.util.List;

/** Reads probes and lifecycle hooks, applying Kubernetes' probe defaults. */
final class ProbeReader {
    private ProbeReader() {}

    /** liveness and startup probes must have successThreshold 1, as Kubernetes requires. */
    static ProbeModel probe(YMap m, boolean successMustBeOne, List<PortModel> ports) {
        Action action = action(m, ports, false);
        int initialDelay =
                orDefault(Values.bounded(m, "initialDelaySeconds", 0, Integer.MAX_VALUE), 0);
        int period = positive(m, "periodSeconds", 10);
        int timeout = positive(m, "timeoutSeconds", 1);
        int success = positive(m, "successThreshold", 1);
        int failure = positive(m, "failureThreshold", 3);
        if (successMustBeOne && success != 1) {
            m.error("successThreshold", "must be 1");
        }
        Long grace = Values.bounded(m, "terminationGracePeriodSeconds", 1, Long.MAX_VALUE);
        m.finish();
        return action == null
                ? null
                : new ProbeModel(action, initialDelay, period, timeout, success, failure, grace);
    }

    static LifecycleModel lifecycle(YMap m, List<PortModel> ports) {
        YMap postStart = m.map("postStart");
        YMap preStop = m.map("preStop");
        String stopSignal = m.string("stopSignal");
        if (stopSignal != null && !STOP_SIGNAL.matcher(stopSignal).matches()) {
            m.error(
                    "stopSignal",
                    "unsupported value \""
                            + stopSignal
                            + "\": a signal name such as \"SIGTERM\", \"SIGQUIT\" or"
                            + " \"SIGRTMIN+1\"");
            stopSignal = null;
        }
        m.finish();
        return new LifecycleModel(hook(postStart, ports), hook(preStop, ports), stopSignal);
    }

    private static final java.util.regex.Pattern STOP_SIGNAL =
            java.util.regex.Pattern.compile("SIG(RTMIN\\+\\d+|RTMAX-\\d+|[A-Z0-9]+)");

    private static Action hook(YMap m, List<PortModel> ports) {
        if (m == null) {
            return null;
        }
        // read, so the manifest stays valid, but never run: say so, here
        m.unsupported(
                "tcpSocket hooks are not supported (Kubernetes never ran them); this hook is not"
                        + " run",
                "tcpSocket");
        Action a = action(m, ports, true);
        m.finish();
        return a;
    }

    /** A zero is defaulted, as the API server does; a negative is an error. */
    private static int positive(YMap m, String key, int fallback) {
        Long value = Values.bounded(m, key, 0, Integer.MAX_VALUE);
        return value == null || value == 0 ? fallback : value.intValue();
    }

    private static int orDefault(Long value, int fallback) {
        return value == null ? fallback : value.intValue();
    }

    private static Action action(YMap m, List<PortModel> ports, boolean hook) {
        List<Action> found = new ArrayList<>();
        YMap exec = m.map("exec");
        if (exec != null) {
            List<String> command = exec.strings("command");
            if (command == null || command.isEmpty()) {
                exec.missing("command");
            } else {
                found.add(new Action.Exec(command));
            }
            exec.finish();
        }
        YMap http = m.map("httpGet");
        if (http != null) {
            PortRef port = port(http, ports);
            String path = http.string("path");
            String host = http.string("host");
            String scheme = http.string("scheme");
            if (scheme != null && !scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
                http.error(
                        "scheme",
                        "unsupported value \""
                                + scheme
                                + "\": supported values: \"HTTP\", \"HTTPS\"");
            }
            List<Action.HttpHeader> headers = new ArrayList<>();
            for (YNode h : http.items("httpHeaders")) {
                YMap hm = h.map();
                if (hm != null) {
                    headers.add(
                            new Action.HttpHeader(
                                    hm.requiredString("name"), orEmpty(hm.string("value"))));
                    hm.finish();
                }
            }
            http.finish();
            if (port != null) {
                found.add(
                        new Action.HttpGet(
                                path == null ? "/" : path,
                                port,
                                host,
                                scheme == null ? "HTTP" : scheme,
                                List.copyOf(headers)));
            }
        }
        YMap tcp = m.map("tcpSocket");
        if (tcp != null) {
            PortRef port = port(tcp, ports);
            String host = tcp.string("host");
            tcp.finish();
            if (port != null) {
                found.add(new Action.TcpSocket(port, host));
            }
        }
        if (!hook) {
            YMap grpc = m.map("grpc");
            if (grpc != null) {
                Long port = Values.bounded(grpc, "port", 1, 65535);
                if (!grpc.has("port")) {
                    grpc.missing("port");
                }
                String service = grpc.string("service");
                grpc.finish();
                if (port != null) {
                    found.add(new Action.Grpc(port.intValue(), service));
                }
            }
        } else {
            YMap sleep = m.map("sleep");
            if (sleep != null) {
                Long seconds = Values.bounded(sleep, "seconds", 0, Long.MAX_VALUE);
                if (!sleep.has("seconds")) {
                    sleep.missing("seconds");
                }
                sleep.finish();
                if (seconds != null) {
                    found.add(new Action.Sleep(seconds));
                }
            }
        }
        boolean named =
                m.has("exec")
                        || m.has("httpGet")
                        || m.has("tcpSocket")
                        || m.has(hook ? "sleep" : "grpc");
        if (!named) {
            m.node()
                    .error(
                            "must specify a handler type ("
                                    + (hook
                                            ? "exec, httpGet, tcpSocket or sleep"
                                            : "exec, httpGet, tcpSocket or grpc")
                                    + ")");
        } else if (found.size() > 1) {
            m.node().error("may not specify more than 1 handler type");
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    /** A port number, or the name of one of the container's ports. */
    private static PortRef port(YMap m, List<PortModel> ports) {
        YNode node = m.get("port");
        if (node == null) {
            m.missing("port");
            return null;
        }
        if (node.scalarKind() == ScalarKind.INT) {
            Long n = node.integer();
            if (n == null || n < 1 || n > 65535) {
                node.error("must be between 1 and 65535, inclusive");
                return null;
            }
            return new PortRef(n.intValue(), null);
        }
        String name = node.string();
        if (name == null) {
            return null;
        }
        String error = Names.portName(name);
        if (error != null) {
            node.error(error);
            return null;
        }
        if (ports.stream().noneMatch(p -> name.equals(p.name()))) {
            node.error("no container port is named \"" + name + "\"");
            return null;
        }
        return new PortRef(0, name);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
