package io.jpod.cli.command;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.Located;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jpod logs [-f] [--tail N] [--since T] [--until T] [-n] CONTAINER|POD...}. */
@Command(
        name = "logs",
        description =
                "Print containers' output. A pod stands for its containers; with several, each"
                        + " line starts with its container's ID (--names: its name).",
        footer = {
            "Examples:",
            "  jpod logs web-app",
            "  jpod logs -f --tail 10 web-app",
            "  jpod logs --since 10m --names web"
        })
public final class LogsCommand implements Callable<Integer> {

    @Mixin LogOptions options;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER|POD")
    List<String> targets;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        List<ContainerRecord> containers = new ArrayList<>();
        boolean pod = false;
        for (String target : targets) {
            Optional<Located> c = engine.findContainer(target);
            if (c.isPresent()) {
                containers.add(c.get().container());
                continue;
            }
            Optional<PodRecord> p = engine.findPod(target);
            if (p.isEmpty()) {
                throw new JpodException("no container or pod with name or ID " + target + " found");
            }
            pod = true;
            containers.addAll(p.get().containers());
        }
        return options.print(engine, containers, pod || containers.size() > 1);
    }
}
