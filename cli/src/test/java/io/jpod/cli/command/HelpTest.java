package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/** Every verb's help ends in examples of that very verb, each one a command line jpod parses. */
class HelpTest {

    private static void visible(CommandLine command, List<CommandLine> all) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !all.contains(sub)) {
                all.add(sub);
                visible(sub, all);
            }
        }
    }

    /** The words of a shell command line, as sh splits them: blanks, and single quotes. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ' && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void examplesAreSplitAsTheShellSplitsThem() {
        assertEquals(
                List.of("jpod", "ps", "--format", "table {{.Names}}", "-a"),
                words("jpod ps --format 'table {{.Names}}' -a"));
    }

    @Test
    void everyVerbShowsExamplesOfItself() {
        CommandLine root = new CommandLine(new JpodCommand());
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        visible(root, commands);
        assertTrue(commands.size() > 25, commands.toString());
        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            String[] footer = spec.usageMessage().footer();
            assertTrue(footer.length > 1, spec.qualifiedName());
            assertEquals("Examples:", footer[0], spec.qualifiedName());
            for (String example : footer) {
                if (!example.startsWith("  ")) {
                    continue;
                }
                // the jpod part of a pipeline, a redirection or a process substitution
                String line = example.strip();
                line = line.substring(line.indexOf("jpod ")).split(" [>|] |\\)")[0];
                assertTrue((line + " ").startsWith(spec.qualifiedName() + " "), example);
                List<String> args = words(line);
                assertDoesNotThrow(
                        () ->
                                new CommandLine(new JpodCommand())
                                        .parseArgs(
                                                args.subList(1, args.size())
                                                        .toArray(String[]::new)),
                        example);
            }
        }
    }
}
