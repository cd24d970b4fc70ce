package io.jpod.cli.command;

import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod kill [-s SIG] CTR...}. */
@Command(
        name = "kill",
        description =
                "Send a signal to containers' main processes (default SIGKILL). A container that"
                        + " dies of it is restarted as its pod's restartPolicy says.",
        footer = {"Examples:", "  jpod kill web-app", "  jpod kill -s HUP web-app"})
public final class KillCommand implements Callable<Integer> {

    @Option(
            names = {"-s", "--signal"},
            paramLabel = "SIGNAL",
            defaultValue = "KILL",
            description = "Signal name (HUP, SIGHUP) or number (default: KILL).")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        return Targets.each(
                names,
                name -> {
                    engine.killContainer(name, signal);
                    return name;
                });
    }
}
