package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** conmon's exit hook (hidden): applies the pod's restartPolicy to a container that exited. */
@Command(
        name = "container-exited",
        hidden = true,
        description = "Called by conmon when a container exits.")
public final class ContainerExitedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONTAINER-ID")
    String id;

    @Override
    public Integer call() throws Exception {
        System.err.println(Engine.open(System.getenv()).containerExited(id));
        return ExitCodes.OK;
    }
}
