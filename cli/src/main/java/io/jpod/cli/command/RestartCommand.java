package io.jpod.cli.command;

import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod restart [-t N] CTR...}. */
@Command(
        name = "restart",
        description = "Stop containers of pods, then start them again.",
        footer = {"Examples:", "  jpod restart web-app", "  jpod restart -t 0 web-app"})
public final class RestartCommand implements Callable<Integer> {

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
                    engine.startContainer(name);
                    return name;
                });
    }
}
