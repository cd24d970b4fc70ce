package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.logs.K8sFileLog;
import io.jpod.runtime.logs.LogLine;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code jpod logs [-f] [--tail N] CONTAINER}. */
@Command(
        name = "logs",
        description = "Print a container's output.",
        footer = {"Examples:", "  jpod logs web-app", "  jpod logs -f --tail 10 web-app"})
public final class LogsCommand implements Callable<Integer> {

    @Option(
            names = {"-f", "--follow"},
            description = "Follow the output until the container exits.")
    boolean follow;

    @Option(names = "--tail", defaultValue = "-1", description = "Only the last N lines (-1: all).")
    int tail;

    @Option(
            names = {"-t", "--timestamps"},
            description = "Prefix each line with its time.")
    boolean timestamps;

    @Parameters(paramLabel = "CONTAINER")
    String name;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        var c = engine.container(name).container();
        K8sFileLog log = engine.log(c);
        if (follow) {
            log.follow(tail, () -> engine.status(c).running(), this::print);
        } else {
            log.read(tail).forEach(this::print);
        }
        System.out.flush();
        return ExitCodes.OK;
    }

    private void print(LogLine line) {
        String text = timestamps ? line.time() + " " + line.text() : line.text();
        (line.stderr() ? System.err : System.out).println(text);
    }
}
