package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.probe.ProberProcess;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The prober (hidden): started detached by the commands that run probed pods; runs their probes
 * until none is left.
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

    /** Runs the prober; its failures go to its log, which is its stderr. */
    public static int run() {
        try {
            Engine.open(System.getenv()).runProber();
            return ExitCodes.OK;
        } catch (Exception e) {
            return Errors.report(e);
        }
    }
}
