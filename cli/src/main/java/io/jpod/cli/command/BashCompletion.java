package io.jpod.cli.command;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bash (and, through bashcompinit, zsh) completion script: picocli's, generated from the
 * command model, with each positional parameter that names pods, containers, images or volumes
 * completed from jpod's own listings.
 */
final class BashCompletion {

    private static final String POSITIONALS = "    local positionals=\"\"\n";

    private BashCompletion() {}

    static String script(CommandLine root) {
        String script = AutoComplete.bash(root.getCommandName(), root);
        int at = script.lastIndexOf("\ncomplete -F ") + 1;
        if (at == 0) {
            throw new IllegalStateException("picocli's script registers no completion function");
        }
        StringBuilder out = new StringBuilder(script);
        out.insert(at, namesFunction());
        hook(out, root, root.getCommandName(), "_picocli_" + bashify(root.getCommandName()));
        return out.toString();
    }

    /**
     * {@code _jpod_names KIND...}: runs the jpod being completed, whatever path it was typed as.
     */
    private static String namesFunction() {
        String cases =
                Arrays.stream(CompletedNames.values())
                        .map(k -> "      " + k.word() + ") " + k.listing() + " ;;\n")
                        .collect(Collectors.joining());
        return "# _jpod_names prints the names of jpod's objects of the given kinds, one a line.\n"
                + "function _jpod_names() {\n"
                + "  local jpod=${COMP_WORDS[0]:-jpod}\n"
                + "  jpod=${jpod/#\\~/$HOME}\n"
                + "  local kind\n"
                + "  for kind in \"$@\"; do\n"
                + "    case $kind in\n"
                + cases
                + "    esac\n"
                + "  done\n"
                + "}\n\n";
    }

    /**
     * Completes the names in {@code function}, which completes {@code command} typed as {@code
     * name}.
     */
    private static void hook(
            StringBuilder script, CommandLine command, String name, String function) {
        CommandSpec spec = command.getCommandSpec();
        StringBuilder completions = new StringBuilder();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            List<CompletedNames> kinds = CompletedNames.of(p);
            if (p.hidden() || kinds.isEmpty()) {
                continue;
            }
            completions
                    .append("    if (( currIndex >= ")
                    .append(p.index().min())
                    .append(" && currIndex <= ")
                    .append(p.index().max())
                    .append(" )); then\n      positionals=$(_jpod_names ")
                    .append(
                            kinds.stream()
                                    .map(CompletedNames::word)
                                    .collect(Collectors.joining(" ")))
                    .append(")\n    fi\n");
        }
        if (!completions.isEmpty()) {
            int body = script.indexOf("function " + function + "()");
            int positionals = body < 0 ? -1 : script.indexOf(POSITIONALS, body);
            int end = body < 0 ? -1 : script.indexOf("\n}\n", body);
            if (positionals < 0 || positionals > end) {
                throw new IllegalStateException(
                        "picocli's script has no positionals in " + function);
            }
            script.insert(
                    positionals + POSITIONALS.length(),
                    "    local currIndex\n    currIndex=$(currentPositionalIndex \""
                            + name
                            + "\" \"${arg_opts}\" \"${flag_opts}\")\n"
                            + completions);
        }
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
                hook(script, sub.getValue(), sub.getKey(), function + "_" + bashify(sub.getKey()));
            }
        }
    }

    /** As picocli names its functions. */
    private static String bashify(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
