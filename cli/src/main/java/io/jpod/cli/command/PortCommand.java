package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.PortView;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.Located;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.PortMapping;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jpod port [-a] CTR|POD [PORT[/PROTO]]}. */
@Command(
        name = "port",
        description =
                "List the host ports forwarded to a container's pod (all containers of a pod"
                        + " share its ports), or to every pod with --all.",
        footer = {"Examples:", "  jpod port web-app", "  jpod port web 8080/tcp", "  jpod port -a"})
public final class PortCommand implements Callable<Integer> {

    @Option(
            names = {"-a", "--all"},
            description = "The ports of every container, each line prefixed by its ID.")
    boolean all;

    @Parameters(arity = "0..2", paramLabel = "CONTAINER|POD")
    List<String> args = List.of();

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        if (all) {
            if (args.size() > 1 || (args.size() == 1 && !PortView.valid(args.getFirst()))) {
                throw new JpodException("with --all, give only a PORT[/PROTO] to list");
            }
            String only = args.isEmpty() ? null : args.getFirst();
            for (PodRecord pod : engine.pods()) {
                for (var c : pod.containers()) {
                    for (String line : PortView.lines(ports(pod), only)) {
                        System.out.println(c.shortId() + "\t" + line);
                    }
                }
            }
            return ExitCodes.OK;
        }
        if (args.isEmpty()) {
            throw new JpodException("name a container or pod, or use --all");
        }
        String only = args.size() > 1 ? args.get(1) : null;
        if (only != null && !PortView.valid(only)) {
            throw new JpodException("invalid port " + only + ": give PORT or PORT/PROTO");
        }
        String name = args.getFirst();
        Optional<PodRecord> pod = engine.findContainer(name).map(Located::pod);
        if (pod.isEmpty()) {
            pod = engine.findPod(name);
        }
        if (pod.isEmpty()) {
            throw new JpodException("no container or pod with name or ID " + name + " found");
        }
        List<String> lines = PortView.lines(ports(pod.get()), only);
        if (only != null && lines.isEmpty()) {
            throw new JpodException("failed to find published port \"" + only + "\"");
        }
        lines.forEach(System.out::println);
        return ExitCodes.OK;
    }

    private static List<PortMapping> ports(PodRecord pod) {
        return pod.network() == null ? List.of() : pod.network().ports();
    }
}
