package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Table;
import io.jpod.cli.output.TopColumns;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod top CTR [DESCRIPTOR...]}. */
@Command(
        name = "top",
        description =
                "List a container's processes, as ps does: by default USER PID PPID %%CPU ELAPSED"
                        + " TTY TIME COMMAND; descriptors: user, group, pid, ppid, hpid, pcpu,"
                        + " etime, tty, time, args, comm, nice, state, vsz, rss.",
        footer = {"Examples:", "  jpod top web-app", "  jpod top web-app pid,user,args"})
public final class TopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String name;

    @Parameters(index = "1..*", paramLabel = "DESCRIPTOR")
    List<String> descriptors = List.of();

    @Override
    public Integer call() throws Exception {
        TopColumns columns = TopColumns.of(descriptors);
        print(columns, Engine.open(System.getenv()).top(name));
        return ExitCodes.OK;
    }

    static void print(TopColumns columns, List<Engine.TopProcess> processes) {
        Instant now = Instant.now();
        Table table = new Table(columns.headers());
        processes.forEach(p -> table.row(columns.row(p, now)));
        table.print(System.out);
    }
}
