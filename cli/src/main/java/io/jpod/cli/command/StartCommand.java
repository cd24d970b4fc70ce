package io.jpod.cli.command;

import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod start CTR...}. */
@Command(
        name = "start",
        description =
                "Start stopped or exited containers of running pods again; the pod's"
                        + " restartPolicy applies to them again.",
        footer = {"Examples:", "  jpod start web-app"})
public final class StartCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        return Targets.each(
                names,
                name -> {
                    engine.startContainer(name);
                    return name;
                });
    }
}
