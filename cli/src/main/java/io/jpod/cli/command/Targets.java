package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.pod.PodException;
import io.jpod.runtime.pod.PodService;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What several commands share: acting on each named target, and finding a container by name. */
final class Targets {

    private Targets() {}

    /** One target's action; returns the line to print. */
    interface Action {
        String apply(String name) throws PodException, IOException;
    }

    /**
     * Applies the action to each name in turn, going on past failures as podman does; 125 if any
     * failed.
     */
    static int each(List<String> names, Action action) throws IOException {
        int code = ExitCodes.OK;
        for (String name : names) {
            try {
                System.out.println(action.apply(name));
            } catch (PodException e) {
                System.err.println("Error: " + e.getMessage());
                code = ExitCodes.ERROR;
            }
        }
        return code;
    }

    /** A container by name or id, or a printed error. */
    static Optional<PodService.Located> container(Runtime rt, String name) throws IOException {
        Optional<PodService.Located> located = new PodService(rt).container(name);
        if (located.isEmpty()) {
            System.err.println("Error: no container with name or ID " + name + " found");
        }
        return located;
    }
}
