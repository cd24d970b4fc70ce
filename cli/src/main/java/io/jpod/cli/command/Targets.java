package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;

import java.io.IOException;
import java.util.List;

/** Acting on each named target in turn, as podman does: on past failures, the worst code last. */
final class Targets {

    private Targets() {}

    /** One target's action; returns the line to print. */
    interface Action {
        String apply(String name) throws JpodException, IOException;
    }

    /** Applies the action to each name, reporting each failure; 125 if any failed. */
    static int each(List<String> names, Action action) throws IOException {
        int code = ExitCodes.OK;
        for (String name : names) {
            try {
                System.out.println(action.apply(name));
            } catch (JpodException e) {
                code = Math.max(code, Errors.report(e));
            }
        }
        return code;
    }
}
