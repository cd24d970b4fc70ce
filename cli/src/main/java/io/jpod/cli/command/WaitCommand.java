package io.jpod.cli.command;

import io.jpod.cli.time.GoDuration;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod wait [--condition STATE] CTR...}: podman's, printing each container's exit code. */
@Command(
        name = "wait",
        description =
                "Wait for containers to stop (or to reach --condition) and print their exit"
                        + " codes, one line each.",
        footer = {"Examples:", "  jpod wait web-job", "  jpod wait --condition running web-app"})
public final class WaitCommand implements Callable<Integer> {

    @Option(
            names = "--condition",
            paramLabel = "STATE",
            defaultValue = "stopped",
            description = "stopped (the default), exited or running.")
    String condition;

    @Option(
            names = {"-i", "--interval"},
            paramLabel = "DURATION",
            defaultValue = "250ms",
            description = "How often to look (default: 250ms).")
    String interval;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        return containers();
    }

    /** podman's wait on containers: each exit code on a line of its own. */
    private int containers() throws Exception {
        Duration every;
        try {
            every = GoDuration.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
        Engine engine = Engine.open(System.getenv());
        return Targets.each(
                names, name -> Integer.toString(engine.waitContainer(name, condition, every)));
    }
}
