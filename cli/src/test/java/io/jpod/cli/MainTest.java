package io.jpod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** What jpod answers a command line it cannot run, and its global options. */
class MainTest {

    /** What one command line printed and returned. */
    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aMistypedVerbSuggestsTheVerb() {
        Outcome o = run("pood", "ps");
        assertEquals(125, o.code());
        assertTrue(o.err().startsWith("Error: Unmatched argument at index 0: 'pood'"), o.err());
        assertTrue(o.err().contains("Did you mean: jpod pod"), o.err());
        assertTrue(o.err().contains("Try 'jpod --help' for more information."), o.err());
    }

    @Test
    void aMistypedOptionSuggestsTheOption() {
        Outcome o = run("pod", "ps", "--formt", "json");
        assertEquals(125, o.code());
        assertTrue(o.err().contains("--format"), o.err());
        assertTrue(o.err().contains("Try 'jpod pod ps --help'"), o.err());
    }

    @Test
    void aGroupWithoutItsVerbShowsItsCommands() {
        Outcome o = run("volume");
        assertEquals(125, o.code());
        assertTrue(o.err().contains("Error: missing command 'jpod volume COMMAND'"), o.err());
        assertTrue(o.err().contains("  create"), o.err());
    }

    @Test
    void versionIsPodmans() {
        assertEquals(new Outcome(0, "jpod version 0.1.0\n", ""), run("--version"));
        assertEquals("jpod version 0.1.0\n", run("-v").out());
    }

    @Test
    void logLevelTakesPodmansLevelsAnywhere() {
        Outcome bad = run("--log-level", "loud", "version");
        assertEquals(125, bad.code());
        assertTrue(
                bad.err().contains("invalid log level \"loud\": choose from trace, debug"),
                bad.err());
        assertEquals(
                0, run("--log-level", "error", "version", "--format", "{{.Client.Os}}").code());
        assertEquals(0, run("version", "--log-level=warn", "-f", "{{.Client.Os}}").code());
    }

    @Test
    void theVerbComesAfterTheGlobalOptions() {
        assertEquals(0, Main.verb(new String[] {"pod", "ps"}));
        assertEquals(2, Main.verb(new String[] {"--log-level", "debug", "pod", "ps"}));
        assertEquals(1, Main.verb(new String[] {"--log-level=debug", "pod"}));
        assertEquals(1, Main.verb(new String[] {"--help"}));
    }

    @Test
    void everyVerbHasHelp() {
        Outcome o = run("pod", "stop", "--help");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("Usage: jpod pod stop [OPTIONS] POD..."), o.out());
        assertTrue(o.out().contains("\nExamples:\n  jpod pod stop web\n"), o.out());
    }

    @Test
    void aKnownVerbBuildsOnlyItselfWithTheSameHelp() {
        CommandLine light = Main.commandLine(new String[] {"--log-level", "warn", "pod", "ps"});
        assertEquals(java.util.Set.of("pod"), light.getSubcommands().keySet());
        CommandLine full = Main.commandLine();
        for (String verb : List.of("pod", "ps", "exec", "logs", "kube", "container-exited")) {
            CommandLine one = Main.commandLine(new String[] {verb, "x"});
            assertEquals(
                    full.getSubcommands().get(verb).getUsageMessage(),
                    one.getSubcommands().get(verb).getUsageMessage(),
                    verb);
        }
        assertTrue(
                Main.commandLine(new String[] {"exec", "c", "ls"})
                        .getSubcommands()
                        .get("exec")
                        .isStopAtPositional());
    }

    @Test
    void aGroupBuildsOnlyTheSubcommandGivenWithTheSameHelp() {
        CommandLine full = Main.commandLine();
        for (String[] args :
                List.of(
                        new String[] {"pod", "ps", "--format", "json"},
                        new String[] {"pod", "-h", "rm", "web"},
                        new String[] {"generate", "kube", "web"},
                        new String[] {"kube", "play", "pod.yaml"})) {
            CommandLine group = Main.commandLine(args).getSubcommands().get(args[0]);
            String sub = args[1].startsWith("-") ? args[2] : args[1];
            assertEquals(java.util.Set.of(sub), names(group), args[0]);
            assertEquals(
                    full.getSubcommands().get(args[0]).getSubcommands().get(sub).getUsageMessage(),
                    group.getSubcommands().get(sub).getUsageMessage(),
                    sub);
        }
        // an alias names its subcommand too
        assertEquals(
                java.util.Set.of("ps"),
                names(Main.commandLine(new String[] {"pod", "ls"}).getSubcommands().get("pod")));
        // without a known subcommand, a group has them all: its help, its suggestions
        java.util.Set<String> pods = names(full.getSubcommands().get("pod"));
        for (String[] args :
                List.of(
                        new String[] {"pod"},
                        new String[] {"pod", "pss"},
                        new String[] {"pod", "-h"})) {
            assertEquals(
                    pods,
                    names(Main.commandLine(args).getSubcommands().get("pod")),
                    List.of(args).toString());
        }
        String[] mistyped = {"pod", "pss"};
        CommandLine cmd = Main.commandLine(mistyped);
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        assertEquals(125, cmd.execute(mistyped));
        assertTrue(err.toString().contains("Did you mean: pod ps?"), "[" + err + "]");
    }

    /** A group's subcommands by name (picocli's map has their aliases as keys too). */
    private static java.util.Set<String> names(CommandLine group) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        group.getSubcommands()
                .forEach(
                        (key, c) -> {
                            if (!List.of(c.getCommandSpec().aliases()).contains(key)) {
                                names.add(key);
                            }
                        });
        return names;
    }

    @Test
    void completionHelpAndUnknownVerbsGetEveryVerb() {
        int all = Main.commandLine().getSubcommands().size();
        assertTrue(all > 15);
        for (String[] args :
                List.of(
                        new String[] {"completion", "bash"},
                        new String[] {"pood"},
                        new String[] {"--help"},
                        new String[] {})) {
            assertEquals(
                    all, Main.commandLine(args).getSubcommands().size(), List.of(args).toString());
        }
    }

    @Test
    void noOptionNeedsAConverterMainLeavesOut() {
        CommandLine full = Main.commandLine();
        List<String> offending = new java.util.ArrayList<>();
        collectExcludedTypes(full, offending);
        assertEquals(List.of(), offending);
    }

    private static void collectExcludedTypes(CommandLine line, List<String> offending) {
        CommandLine.Model.CommandSpec spec = line.getCommandSpec();
        List<CommandLine.Model.ArgSpec> args = new java.util.ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (CommandLine.Model.ArgSpec arg : args) {
            List<Class<?>> types = new java.util.ArrayList<>(List.of(arg.auxiliaryTypes()));
            types.add(arg.type());
            for (Class<?> type : types) {
                if (type.getName().matches(Main.UNUSED_CONVERTERS)) {
                    offending.add(spec.qualifiedName() + " " + arg + ": " + type.getName());
                }
            }
        }
        for (CommandLine sub : line.getSubcommands().values()) {
            collectExcludedTypes(sub, offending);
        }
    }
}
