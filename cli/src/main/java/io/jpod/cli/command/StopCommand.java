package io.jpod.cli.command;

import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod stop [-t N] CTR...}. */
@Command(
        name = "stop",
        description =
                "Stop containers of pods: SIGTERM, then SIGKILL after the grace period. The pod and"
                        + " its other containers go on running, and the pod's restartPolicy leaves"
                        + " a stopped container stopped until `jpod start`.",
        footer = {"Examples:", "  jpod stop web-app", "  jpod stop -t 0 web-app web-sidecar"})
public final class StopCommand implements Callable<Integer> {

    @Option(
            names = {"-t", "--time"},
            paramLabel = "SECONDS",
            description = "Seconds to wait before SIGKILL (default: the pod's grace period).")
    Long time;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        return Targets.each(
                names,
                name -> {
                    engine.stopContainer(name, time);
                    return name;
                });
    }
}
