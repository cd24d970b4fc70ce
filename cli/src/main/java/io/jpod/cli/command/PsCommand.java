package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Ago;
import io.jpod.cli.output.Table;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.PortMapping;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code jpod ps [-a]}. */
@Command(name = "ps", description = "List containers.")
public final class PsCommand implements Callable<Integer> {

    @Option(
            names = {"-a", "--all"},
            description = "Show all containers, not only running ones.")
    boolean all;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print container IDs only.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        Instant now = Instant.now();
        Table table =
                new Table(
                        "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
        for (PodRecord pod : engine.pods()) {
            String ports = ports(pod);
            for (ContainerRecord c : pod.allContainers()) {
                ContainerStatus s = engine.status(c);
                if (!all && !s.running()) {
                    continue;
                }
                if (quiet) {
                    System.out.println(c.shortId());
                    continue;
                }
                table.row(
                        c.shortId(),
                        c.infra() ? "" : c.image(),
                        command(c.command()),
                        Ago.since(c.created(), now),
                        status(s, c, now),
                        ports,
                        c.name());
            }
        }
        if (!quiet) {
            table.print(System.out);
        }
        return ExitCodes.OK;
    }

    private static String status(ContainerStatus s, ContainerRecord c, Instant now) {
        return switch (s.status()) {
            case "running" ->
                    "Up " + Ago.since(c.startedAt() == null ? c.created() : c.startedAt(), now);
            case "exited" ->
                    "Exited ("
                            + s.exitCode()
                            + ")"
                            + (s.finishedAt() == null ? "" : " " + Ago.since(s.finishedAt(), now));
            default -> "Created";
        };
    }

    private static String command(List<String> argv) {
        String joined = String.join(" ", argv);
        return joined.length() > 20 ? joined.substring(0, 17) + "..." : joined;
    }

    private static String ports(PodRecord pod) {
        if (pod.network() == null) {
            return "";
        }
        return pod.network().ports().stream()
                .map(
                        (PortMapping p) ->
                                (p.hostIP() == null || p.hostIP().isEmpty()
                                                ? "0.0.0.0"
                                                : p.hostIP())
                                        + ":"
                                        + p.hostPort()
                                        + "->"
                                        + p.containerPort()
                                        + "/"
                                        + p.protocol().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
