package io.jpod.cli.command;

import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod exec [-i] [-t] CONTAINER CMD...}: the command's exit code becomes jpod's. */
@Command(
        name = "exec",
        description = "Run a command in a running container.",
        footer = {
            "Examples:",
            "  jpod exec web-app ls /",
            "  jpod exec -it web-app sh",
            "  jpod exec -e DEBUG=1 -w /tmp web-app env"
        })
public final class ExecCommand implements Callable<Integer> {

    @Option(
            names = {"-i", "--interactive"},
            description = "Keep stdin open.")
    boolean interactive;

    @Option(
            names = {"-t", "--tty"},
            description = "Allocate a terminal.")
    boolean tty;

    @Option(
            names = {"-e", "--env"},
            description = "Set an environment variable (K=V).")
    List<String> env = new ArrayList<>();

    @Option(
            names = {"-w", "--workdir"},
            description = "Working directory inside the container.")
    String workdir;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        return Engine.open(System.getenv())
                .exec(name, new Engine.ExecRequest(interactive, tty, env, workdir, command));
    }
}
