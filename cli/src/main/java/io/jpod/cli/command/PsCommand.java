package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Ago;
import io.jpod.cli.output.ContainerView;
import io.jpod.cli.output.Table;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.probe.PodHealth;
import io.jpod.runtime.probe.PodReadiness;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code jpod ps [-a] [--filter K=V] [--format F] [--pod] [-n | --last N] [--no-trunc]}. */
@Command(
        name = "ps",
        description = "List containers.",
        footer = {
            "Examples:",
            "  jpod ps",
            "  jpod ps -a --pod",
            "  jpod ps --filter pod=web --format '{{.Names}}'",
            "  jpod ps --format 'table {{.Names}}\\t{{.Status}}'",
            "  jpod ps -a --format json"
        })
public final class PsCommand implements Callable<Integer> {

    private static final Set<String> FILTERS =
            Set.of("name", "label", "status", "pod", "id", "ancestor", "exited", "health");

    @Option(
            names = {"-a", "--all"},
            description = "Show all containers, not only running ones.")
    boolean all;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print container IDs only.")
    boolean quiet;

    @Option(
            names = {"-f", "--filter"},
            paramLabel = "KEY=VALUE",
            description =
                    "Only containers that match: name, label, status, pod, id, ancestor, exited,"
                            + " health.")
    List<String> filter;

    @Option(names = "--pod", description = "Show the pod of each container.")
    boolean pod;

    @Option(names = "--no-trunc", description = "Show full IDs and commands.")
    boolean noTrunc;

    @Option(
            names = {"-n", "--latest"},
            description = "Show only the container created last.")
    boolean latest;

    @Option(names = "--last", paramLabel = "N", description = "Show the N containers created last.")
    Integer last;

    @Mixin FormatOption format;

    /** One container with what its row is made of. */
    private record Entry(
            PodRecord pod, ContainerRecord container, ContainerStatus status, String health) {}

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        Instant now = Instant.now();
        Filters filters = Filters.parse(filter, FILTERS);
        List<Entry> entries = new ArrayList<>();
        for (PodRecord p : engine.pods()) {
            Optional<PodHealth> podHealth = engine.health(p);
            for (ContainerRecord c : p.allContainers()) {
                ContainerStatus s = engine.status(c);
                String health = PodReadiness.healthStatus(p, c, podHealth);
                // a status filter reaches containers that are not running, as podman's does
                if ((all || s.running() || filters.has("status") || latest || last != null)
                        && matches(filters, p, c, s, health)) {
                    entries.add(new Entry(p, c, s, health));
                }
            }
        }
        int keep = latest ? 1 : last == null ? -1 : last;
        if (keep >= 0) {
            // the newest N, still listed in the order they were made
            entries.sort(Comparator.comparing((Entry e) -> e.container().created()).reversed());
            entries.subList(Math.min(keep, entries.size()), entries.size()).clear();
            entries.sort(Comparator.comparing((Entry e) -> e.container().created()));
        }
        if (quiet) {
            entries.forEach(
                    e ->
                            System.out.println(
                                    noTrunc ? e.container().id() : e.container().shortId()));
            return ExitCodes.OK;
        }
        if (format.given()) {
            format.print(
                    entries.stream()
                            .map(
                                    e ->
                                            ContainerView.row(
                                                    e.pod(),
                                                    e.container(),
                                                    e.status(),
                                                    now,
                                                    e.health()))
                            .toList(),
                    ContainerView.HEADERS,
                    () ->
                            entries.stream()
                                    .map(
                                            e ->
                                                    ContainerView.json(
                                                            e.pod(),
                                                            e.container(),
                                                            e.status(),
                                                            now,
                                                            e.health()))
                                    .toList());
            return ExitCodes.OK;
        }
        List<String> header =
                new ArrayList<>(
                        List.of(
                                "CONTAINER ID",
                                "IMAGE",
                                "COMMAND",
                                "CREATED",
                                "STATUS",
                                "PORTS",
                                "NAMES"));
        if (pod) {
            header.addAll(List.of("POD ID", "PODNAME"));
        }
        Table table = new Table(header.toArray(String[]::new));
        for (Entry e : entries) {
            ContainerRecord c = e.container();
            List<String> cells =
                    new ArrayList<>(
                            List.of(
                                    noTrunc ? c.id() : c.shortId(),
                                    c.infra() ? "" : c.image(),
                                    noTrunc
                                            ? ContainerView.oneLine(c.command())
                                            : ContainerView.command(c.command()),
                                    Ago.since(c.created(), now),
                                    ContainerView.status(e.status(), c, now, e.health()),
                                    ContainerView.ports(e.pod()),
                                    c.name()));
            if (pod) {
                cells.addAll(List.of(noTrunc ? e.pod().id() : e.pod().shortId(), e.pod().name()));
            }
            table.row(cells.toArray(String[]::new));
        }
        table.print(System.out);
        return ExitCodes.OK;
    }

    private static boolean matches(
            Filters f, PodRecord p, ContainerRecord c, ContainerStatus s, String health)
            throws JpodException {
        return f.names("name", c.name())
                && f.labels(p.labels())
                && f.any("status", s.status()::equals)
                && f.any("pod", v -> v.equals(p.name()) || p.id().startsWith(v))
                && f.any("id", c.id()::startsWith)
                && f.any(
                        "ancestor",
                        v -> !c.infra() && (imageNamed(v, c.image()) || idStarts(v, c.imageId())))
                && f.any(
                        "exited",
                        v ->
                                "exited".equals(s.status())
                                        && v.equals(Integer.toString(s.exitCode())))
                // podman's: "none" for a container without a health check
                && f.any("health", v -> v.equals(health.isEmpty() ? "none" : health));
    }

    /** An image named in full, without its registry, or without its {@code :latest} tag. */
    private static boolean imageNamed(String wanted, String image) {
        for (String form : List.of(wanted, wanted + ":latest")) {
            if (image.equals(form) || image.endsWith("/" + form)) {
                return true;
            }
        }
        return false;
    }

    private static boolean idStarts(String wanted, String imageId) {
        String bare = ContainerView.bareId(wanted);
        String id = ContainerView.bareId(imageId);
        return bare.length() >= 3 && id.startsWith(bare);
    }
}
