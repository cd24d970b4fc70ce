package io.jpod.cli.plan;

import io.jpod.model.ContainerModel;
import io.jpod.model.PodModel;
import io.jpod.model.PortModel;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.state.PortMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --publish} and {@code --publish-all}, as podman's play kube reads them: matched to the
 * manifests' containerPorts, the command line winning over a hostPort the manifest gives.
 */
public final class PortOverrides {

    /** One {@code --publish [[IP:]HOST:]CTR[/PROTO]}. */
    public record Publish(String hostIP, int hostPort, int containerPort, String protocol) {

        public static Publish parse(String spec) {
            String protocol = "TCP";
            String ports = spec;
            int slash = spec.lastIndexOf('/');
            if (slash >= 0) {
                protocol = spec.substring(slash + 1).toUpperCase(Locale.ROOT);
                ports = spec.substring(0, slash);
                if (!List.of("TCP", "UDP", "SCTP").contains(protocol)) {
                    throw new IllegalArgumentException(
                            "--publish " + spec + ": protocol must be tcp, udp or sctp");
                }
            }
            String[] parts = ports.split(":", -1);
            try {
                return switch (parts.length) {
                    case 1 -> new Publish(null, port(parts[0]), port(parts[0]), protocol);
                    case 2 -> new Publish(null, port(parts[0]), port(parts[1]), protocol);
                    case 3 -> new Publish(parts[0], port(parts[1]), port(parts[2]), protocol);
                    default -> throw new NumberFormatException();
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--publish "
                                + spec
                                + ": expected [[IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL] with ports"
                                + " 1-65535");
            }
        }

        private static int port(String s) {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException(s);
            }
            return p;
        }
    }

    private PortOverrides() {}

    /**
     * The plans with their host ports overridden. A published containerPort goes to every pod that
     * declares it, or to the only pod when none does; with several pods and none declaring it, it
     * is an error, since which pod is meant cannot be told.
     */
    public static List<PodPlan> apply(
            List<PodModel> pods, List<PodPlan> plans, List<Publish> publish, boolean all) {
        List<PodPlan> out = new ArrayList<>();
        for (Publish p : publish) {
            boolean declared = pods.stream().anyMatch(pod -> declares(pod, p));
            if (!declared && pods.size() != 1) {
                throw new IllegalArgumentException(
                        "--publish "
                                + p.hostPort()
                                + ":"
                                + p.containerPort()
                                + ": no pod declares containerPort "
                                + p.containerPort());
            }
        }
        for (int i = 0; i < plans.size(); i++) {
            PodModel pod = pods.get(i);
            List<PortMapping> ports = new ArrayList<>(plans.get(i).ports());
            if (all) {
                for (ContainerModel c : pod.containers()) {
                    for (PortModel port : c.ports()) {
                        if (port.hostPort() == 0 && port.containerPort() > 0) {
                            ports.add(
                                    new PortMapping(
                                            port.protocol().spelling(),
                                            port.hostIP(),
                                            port.containerPort(),
                                            port.containerPort()));
                        }
                    }
                }
            }
            for (Publish p : publish) {
                if (declares(pod, p) || pods.size() == 1) {
                    ports.removeIf(
                            m ->
                                    m.containerPort() == p.containerPort()
                                            && m.protocol().equalsIgnoreCase(p.protocol()));
                    ports.add(
                            new PortMapping(
                                    p.protocol(), p.hostIP(), p.hostPort(), p.containerPort()));
                }
            }
            out.add(plans.get(i).withPorts(ports));
        }
        return out;
    }

    private static boolean declares(PodModel pod, Publish p) {
        return pod.containers().stream()
                .flatMap(c -> c.ports().stream())
                .anyMatch(
                        port ->
                                port.containerPort() == p.containerPort()
                                        && port.protocol()
                                                .spelling()
                                                .equalsIgnoreCase(p.protocol()));
    }
}
