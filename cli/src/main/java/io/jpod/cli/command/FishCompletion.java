package io.jpod.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fish completion script, generated from the command model: one {@code complete} line per
 * subcommand, option and named object, each conditioned on the subcommand being typed.
 */
final class FishCompletion {

    private FishCompletion() {}

    /**
     * The helpers every line calls: {@code __jpod_in PATH} when PATH is the subcommand being typed
     * (the longest run of words that is a subcommand; other words are arguments), and {@code
     * __jpod_names KIND...}.
     */
    private static final String HELPERS =
            """
            # fish completion for %1$s, generated from its commands: %1$s completion fish | source

            set -g __%1$s_commands %2$s

            function __%1$s_command
                set -l words (commandline -opc)
                set -e words[1]
                set -l path
                for w in $words
                    if contains -- (string join ' ' $path $w) $__%1$s_commands
                        set path $path $w
                    end
                end
                string join ' ' $path
            end

            function __%1$s_in
                set -l path (__%1$s_command)
                test "$path" = "$argv"
            end

            function __%1$s_names
                set -l jpod (commandline -opc)[1]
                for kind in $argv
                    switch $kind
            %3$s        end
                end
            end

            """;

    static String script(CommandLine root) {
        List<String> paths = new ArrayList<>();
        collectPaths(root, "", paths);
        StringBuilder cases = new StringBuilder();
        for (CompletedNames k : CompletedNames.values()) {
            cases.append("            case ").append(k.word()).append('\n');
            cases.append("                ").append(k.listing()).append('\n');
        }
        StringBuilder out =
                new StringBuilder(
                        HELPERS.formatted(
                                root.getCommandName(),
                                paths.stream()
                                        .map(FishCompletion::quote)
                                        .collect(Collectors.joining(" ")),
                                cases));
        complete(out, root, "");
        return out.toString();
    }

    private static void collectPaths(CommandLine command, String path, List<String> paths) {
        for (Map.Entry<String, CommandLine> sub : visible(command)) {
            String p = path.isEmpty() ? sub.getKey() : path + " " + sub.getKey();
            paths.add(p);
            collectPaths(sub.getValue(), p, paths);
        }
    }

    private static void complete(StringBuilder out, CommandLine command, String path) {
        CommandSpec spec = command.getCommandSpec();
        String c = spec.root().name();
        String when = " -n " + quote("__" + c + "_in" + (path.isEmpty() ? "" : " " + path));
        String head = "complete -c " + c + when;
        boolean files = false;
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            List<CompletedNames> kinds = CompletedNames.of(p);
            if (!kinds.isEmpty()) {
                String words =
                        kinds.stream().map(CompletedNames::word).collect(Collectors.joining(" "));
                out.append(head).append(" -a ").append(quote("(__" + c + "_names " + words + ")"));
                out.append('\n');
            } else if (p.completionCandidates() != null) {
                out.append(head).append(candidates(p.completionCandidates())).append('\n');
            }
            files |= isFile(p.type()) || p.paramLabel().equals("FILE");
        }
        if (!files) {
            out.append(head).append(" -f\n");
        }
        for (Map.Entry<String, CommandLine> sub : visible(command)) {
            out.append(head)
                    .append(" -a ")
                    .append(quote(sub.getKey()))
                    .append(
                            description(
                                    sub.getValue().getCommandSpec().usageMessage().description()))
                    .append('\n');
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            StringBuilder line = new StringBuilder(head);
            for (String name : o.names()) {
                if (name.startsWith("--")) {
                    line.append(" -l ").append(quote(name.substring(2)));
                } else if (name.length() == 2) {
                    line.append(" -s ").append(quote(name.substring(1)));
                } else {
                    line.append(" -o ").append(quote(name.substring(1)));
                }
            }
            if (o.arity().max() > 0) {
                line.append(isFile(o.type()) ? " -r -F" : " -x");
                if (o.completionCandidates() != null) {
                    line.append(candidates(o.completionCandidates()));
                }
            }
            out.append(line).append(description(o.description())).append('\n');
        }
        for (Map.Entry<String, CommandLine> sub : visible(command)) {
            complete(
                    out, sub.getValue(), path.isEmpty() ? sub.getKey() : path + " " + sub.getKey());
        }
    }

    /** The subcommands a user sees, by each of their names. */
    private static List<Map.Entry<String, CommandLine>> visible(CommandLine command) {
        return command.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .toList();
    }

    private static String candidates(Iterable<String> values) {
        List<String> all = new ArrayList<>();
        values.forEach(all::add);
        return " -a " + quote(String.join(" ", all));
    }

    private static boolean isFile(Class<?> type) {
        return type == File.class || type == Path.class;
    }

    private static String description(String[] lines) {
        return lines.length == 0
                ? ""
                : " -d " + quote(lines[0].replaceAll(" *\\(default: *\\$\\{DEFAULT-VALUE}\\)", ""));
    }

    /** A fish single-quoted string. */
    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
