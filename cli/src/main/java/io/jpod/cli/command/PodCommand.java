package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Ago;
import io.jpod.cli.output.Inspection;
import io.jpod.cli.output.PodStatus;
import io.jpod.cli.output.PodView;
import io.jpod.cli.output.Table;
import io.jpod.cli.output.TopColumns;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code jpod pod ps|inspect|stop|rm}. */
@Command(
        name = "pod",
        description = "Manage pods.",
        subcommands = {
            PodCommand.Ps.class,
            PodCommand.Inspect.class,
            PodCommand.Start.class,
            PodCommand.Stop.class,
            PodCommand.Restart.class,
            PodCommand.Kill.class,
            PodCommand.Top.class,
            PodCommand.Logs.class,
            PodCommand.Rm.class
        },
        footer = {
            "Examples:",
            "  jpod pod ps",
            "  jpod pod inspect web",
            "  jpod pod stop web",
            "  jpod pod rm -f web"
        })
public final class PodCommand {

    /** {@code jpod pod ps}. */
    @Command(
            name = "ps",
            aliases = {"ls", "list"},
            description = "List pods.",
            footer = {
                "Examples:",
                "  jpod pod ps",
                "  jpod pod ps -q",
                "  jpod pod ps --filter label=app=web --format '{{.Name}} {{.Status}}'",
                "  jpod pod ps --format json"
            })
    public static final class Ps implements Callable<Integer> {
        @Option(
                names = {"-q", "--quiet"},
                description = "Print pod IDs only.")
        boolean quiet;

        @Option(
                names = {"-f", "--filter"},
                paramLabel = "KEY=VALUE",
                description = "Only pods that match: name, label, status, id, ctr-names.")
        List<String> filter;

        @Mixin FormatOption format;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            List<PodRecord> all = engine.pods();
            // pod ps runs in jpod's user namespace: where a killed prober is started again
            engine.ensureProber(all);
            Instant now = Instant.now();
            Filters filters =
                    Filters.parse(filter, Set.of("name", "label", "status", "id", "ctr-names"));
            List<PodRecord> pods = new ArrayList<>();
            Map<String, Map<String, ContainerStatus>> statuses = new HashMap<>();
            Map<String, String> podStatuses = new HashMap<>();
            Map<String, String> ready = new HashMap<>();
            for (PodRecord pod : all) {
                Map<String, ContainerStatus> states = engine.statuses(pod);
                String podStatus = PodStatus.of(pod, states, engine.networkHelper(pod));
                String status = podStatus.toLowerCase(Locale.ROOT);
                if (filters.names("name", pod.name())
                        && filters.labels(pod.labels())
                        && filters.any("status", status::equals)
                        && filters.any("id", pod.id()::startsWith)
                        && filters.any(
                                "ctr-names",
                                v ->
                                        pod.allContainers().stream()
                                                .anyMatch(c -> c.name().equals(v)))) {
                    pods.add(pod);
                    statuses.put(pod.id(), states);
                    podStatuses.put(pod.id(), podStatus);
                    ready.put(pod.id(), engine.readiness(pod, states).ratio());
                }
            }
            if (format.given() && !quiet) {
                format.print(
                        pods.stream()
                                .map(
                                        p ->
                                                PodView.row(
                                                        p,
                                                        statuses.get(p.id()),
                                                        podStatuses.get(p.id()),
                                                        now,
                                                        ready.get(p.id())))
                                .toList(),
                        PodView.HEADERS,
                        () ->
                                pods.stream()
                                        .map(
                                                p ->
                                                        PodView.json(
                                                                p,
                                                                statuses.get(p.id()),
                                                                podStatuses.get(p.id()),
                                                                ready.get(p.id())))
                                        .toList());
                return ExitCodes.OK;
            }
            Table table =
                    new Table(
                            "POD ID",
                            "NAME",
                            "STATUS",
                            "READY",
                            "CREATED",
                            "INFRA ID",
                            "# OF CONTAINERS");
            for (PodRecord pod : pods) {
                if (quiet) {
                    System.out.println(pod.shortId());
                    continue;
                }
                table.row(
                        pod.shortId(),
                        pod.name(),
                        podStatuses.get(pod.id()),
                        ready.get(pod.id()),
                        Ago.since(pod.created(), now),
                        pod.infra() == null ? "" : pod.infra().shortId(),
                        Integer.toString(pod.allContainers().size()));
            }
            if (!quiet) {
                table.print(System.out);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code jpod pod inspect POD...}. */
    @Command(
            name = "inspect",
            description = "Show a pod's configuration and state as JSON.",
            footer = {
                "Examples:",
                "  jpod pod inspect web",
                "  jpod pod inspect --format '{{.State}}' web"
            })
    public static final class Inspect implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "POD")
        List<String> names;

        @Option(
                names = {"-f", "--format"},
                paramLabel = "FORMAT",
                description = "Print with a Go template (`{{.State}}`), or json.")
        String format;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            List<Object> docs = new ArrayList<>();
            int code = ExitCodes.OK;
            for (String name : names) {
                var pod = engine.findPod(name);
                if (pod.isEmpty()) {
                    code = Errors.report(new JpodException("no such pod " + name));
                    continue;
                }
                Map<String, ContainerStatus> states = engine.statuses(pod.get());
                docs.add(Inspection.pod(pod.get(), states, engine.networkHelper(pod.get())));
            }
            FormatOption.printDocuments(format, docs, "pod");
            return code;
        }
    }

    /** {@code jpod pod stop POD...}. */
    @Command(
            name = "stop",
            description = "Stop pods: SIGTERM, then SIGKILL after the grace period.",
            footer = {"Examples:", "  jpod pod stop web", "  jpod pod stop -t 0 web db"})
    public static final class Stop implements Callable<Integer> {
        @Option(
                names = {"-t", "--time"},
                description = "Seconds to wait before SIGKILL (default: the pod's grace period).")
        Long time;

        @Parameters(arity = "1..*", paramLabel = "POD")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            return Targets.each(names, name -> engine.stop(name, time).id());
        }
    }

    /** {@code jpod pod start POD...}. */
    @Command(
            name = "start",
            description = "Start the stopped containers of pods.",
            footer = {"Examples:", "  jpod pod start web"})
    public static final class Start implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "POD")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            return Targets.each(names, name -> engine.start(name).id());
        }
    }

    /** {@code jpod pod restart POD...}. */
    @Command(
            name = "restart",
            description = "Stop pods, then start them again.",
            footer = {"Examples:", "  jpod pod restart web", "  jpod pod restart -t 0 web"})
    public static final class Restart implements Callable<Integer> {
        @Option(
                names = {"-t", "--time"},
                description = "Seconds to wait before SIGKILL (default: the pod's grace period).")
        Long time;

        @Parameters(arity = "1..*", paramLabel = "POD")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            return Targets.each(names, name -> engine.restart(name, time).id());
        }
    }

    /** {@code jpod pod kill [-s SIG] POD...}. */
    @Command(
            name = "kill",
            description =
                    "Send a signal to the running app containers of pods (default SIGKILL); the"
                            + " infra container, which holds the pod's namespaces, is spared.",
            footer = {"Examples:", "  jpod pod kill web", "  jpod pod kill -s HUP web"})
    public static final class Kill implements Callable<Integer> {
        @Option(
                names = {"-s", "--signal"},
                paramLabel = "SIGNAL",
                defaultValue = "KILL",
                description = "Signal name (HUP, SIGHUP) or number (default: KILL).")
        String signal;

        @Parameters(arity = "1..*", paramLabel = "POD")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            return Targets.each(
                    names,
                    name -> {
                        engine.killPod(name, signal);
                        return engine.pod(name).id();
                    });
        }
    }

    /** {@code jpod pod top POD [DESCRIPTOR...]}. */
    @Command(
            name = "top",
            description = "List the processes of a pod's running containers, as `jpod top` does.",
            footer = {"Examples:", "  jpod pod top web", "  jpod pod top web pid,args"})
    public static final class Top implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "POD")
        String name;

        @Parameters(index = "1..*", paramLabel = "DESCRIPTOR")
        List<String> descriptors = List.of();

        @Override
        public Integer call() throws Exception {
            TopColumns columns = TopColumns.of(descriptors);
            TopCommand.print(columns, Engine.open(System.getenv()).podTop(name));
            return ExitCodes.OK;
        }
    }

    /** {@code jpod pod logs [-c CTR] POD}: {@code logs}' options, for one pod. */
    @Command(
            name = "logs",
            description =
                    "Print the output of a pod's containers, each line starting with its"
                            + " container's ID (--names: its name).",
            footer = {
                "Examples:",
                "  jpod pod logs web",
                "  jpod pod logs --names --since 10m web",
                "  jpod pod logs -c web-app -f web"
            })
    public static final class Logs implements Callable<Integer> {
        @Mixin LogOptions options;

        @Option(
                names = {"-c", "--container"},
                paramLabel = "CONTAINER",
                description = "Only this container of the pod.")
        String container;

        @Parameters(index = "0", paramLabel = "POD")
        String pod;

        @Override
        public Integer call() throws Exception {
            return options.podLogs(Engine.open(System.getenv()), pod, container);
        }
    }

    /** {@code jpod pod rm [-f] POD...}. */
    @Command(
            name = "rm",
            description = "Remove pods.",
            footer = {
                "Examples:",
                "  jpod pod rm web",
                "  jpod pod rm -f web",
                "  jpod pod rm -a -f"
            })
    public static final class Rm implements Callable<Integer> {
        @Option(
                names = {"-f", "--force"},
                description = "Stop running containers first.")
        boolean force;

        @Option(
                names = {"-a", "--all"},
                description = "Remove all pods.")
        boolean all;

        @Parameters(arity = "0..*", paramLabel = "POD")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            int code = ExitCodes.OK;
            if (all) {
                try {
                    engine.removeAll(force).forEach(System.out::println);
                } catch (JpodException e) {
                    code = Errors.report(e);
                }
            }
            return Math.max(code, Targets.each(names, name -> engine.remove(name, force).id()));
        }
    }
}
