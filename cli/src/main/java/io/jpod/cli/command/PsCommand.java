package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Ago;
import io.jpod.cli.output.ContainerView;
import io.jpod.cli.output.Table;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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

    @Mixin FormatOption format;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        Instant now = Instant.now();
        if (format.given() && !quiet) {
            List<Object> rows = new ArrayList<>();
            List<Object> json = new ArrayList<>();
            for (PodRecord pod : engine.pods()) {
                for (ContainerRecord c : pod.allContainers()) {
                    ContainerStatus s = engine.status(c);
                    if (all || s.running()) {
                        rows.add(ContainerView.row(pod, c, s, now));
                        json.add(ContainerView.json(pod, c, s, now));
                    }
                }
            }
            format.print(rows, ContainerView.HEADERS, () -> json);
            return ExitCodes.OK;
        }
        Table table =
                new Table(
                        "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
        for (PodRecord pod : engine.pods()) {
            String ports = ContainerView.ports(pod);
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
                        ContainerView.command(c.command()),
                        Ago.since(c.created(), now),
                        ContainerView.status(s, c, now),
                        ports,
                        c.name());
            }
        }
        if (!quiet) {
            table.print(System.out);
        }
        return ExitCodes.OK;
    }
}
