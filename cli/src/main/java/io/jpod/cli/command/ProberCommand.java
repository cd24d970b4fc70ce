package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.probe.ProberProcess;

import picocli.CommandLine.Command;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * One round of the prober (hidden), run by the prober's shell loop: runs the pods' probes while
 * they are due, then prints the seconds the loop is to sleep before the next round, or nothing when
 * no pod has probes left.
 */
@Command(
        name = ProberProcess.VERB,
        hidden = true,
        description = "Runs the probes of the pods that have them (started by jpod itself).")
public final class ProberCommand implements Callable<Integer> {

    public static final String NAME = ProberProcess.VERB;

    @Override
    public Integer call() {
        return run();
    }

    /** Runs one round; its failures go to the prober's log, which is its stderr. */
    public static int run() {
        try {
            OptionalLong idle = Engine.open(System.getenv()).runProber();
            if (idle.isPresent()) {
                long ms = idle.getAsLong();
                System.out.println(ms / 1000 + "." + String.format(Locale.ROOT, "%03d", ms % 1000));
            }
            return ExitCodes.OK;
        } catch (Exception e) {
            return Errors.report(e);
        }
    }
}
