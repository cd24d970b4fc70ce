package io.jpod.cli.command;

import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The objects a positional parameter names, read from its label ({@code POD}, {@code
 * CONTAINER|POD|IMAGE}), and the jpod listing a completion script runs to offer their names. The
 * listings only read the state: none enters the user namespace but {@code volume ls}.
 */
enum CompletedNames {
    CONTAINERS("ps -a --format '{{.Names}}'", ""),
    // from the containers' rows, because pod ps would enter the user namespace, and every pod
    // has at least its infra container
    PODS("ps -a --format '{{.PodName}}'", " | sort -u"),
    IMAGES("images --filter dangling=false --format '{{.Repository}}:{{.Tag}}'", ""),
    VOLUMES("volume ls -q", "");

    /** jpod's arguments, quoted as a POSIX shell and fish both read them. */
    final String arguments;

    /** What the listing is piped through, if anything. */
    final String filter;

    CompletedNames(String arguments, String filter) {
        this.arguments = arguments;
        this.filter = filter;
    }

    /**
     * The command line that prints the names, {@code jpod} being the shell variable of jpod's path.
     */
    String listing() {
        return "\"$jpod\" " + arguments + " 2>/dev/null" + filter;
    }

    /** The word a completion script passes for this kind. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the parameter's label names, none when it names no existing object. */
    static List<CompletedNames> of(PositionalParamSpec p) {
        List<CompletedNames> kinds = new ArrayList<>();
        for (String part : p.paramLabel().split("\\|")) {
            CompletedNames kind =
                    switch (part) {
                        case "CONTAINER", "CTR" -> CONTAINERS;
                        case "POD" -> PODS;
                        case "IMAGE" -> IMAGES;
                        case "VOLUME" -> VOLUMES;
                        default -> null;
                    };
            if (kind != null && !kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
