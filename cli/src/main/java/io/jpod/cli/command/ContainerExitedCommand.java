package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    /** Run by the back-off's detached sleeper once the back-off is over. */
    @Option(names = "--after-backoff", hidden = true)
    boolean afterBackoff;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        System.err.println(
                afterBackoff ? engine.containerBackedOff(id) : engine.containerExited(id));
        return ExitCodes.OK;
    }
}
