package io.jpod.cli.command;

import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod rm [-f] CTR...}. */
@Command(
        name = "rm",
        description =
                "Remove containers from their pods, as podman does; the pods and their other"
                        + " containers go on. A pod's infra container goes only with its pod"
                        + " (`jpod pod rm`).",
        footer = {"Examples:", "  jpod rm web-job", "  jpod rm -f web-sidecar"})
public final class RmCommand implements Callable<Integer> {

    @Option(
            names = {"-f", "--force"},
            description = "Stop a running container first.")
    boolean force;

    @Option(
            names = {"-t", "--time"},
            paramLabel = "SECONDS",
            description = "With --force: seconds to wait before SIGKILL (default: the pod's).")
    Long time;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        return Targets.each(
                names,
                name -> {
                    engine.removeContainer(name, force, time);
                    return name;
                });
    }
}
