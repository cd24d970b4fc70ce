package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** Completion scripts generated from the command model. */
class CompletionCommandTest {

    private static String script(String shell) {
        CommandLine cmd = new CommandLine(new JpodCommand());
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        assertEquals(0, cmd.execute("completion", shell));
        return out.toString();
    }

    /** The text of one function of a bash script. */
    private static String function(String script, String name) {
        int start = script.indexOf("function " + name + "() {");
        assertTrue(start >= 0, name);
        return script.substring(start, script.indexOf("\n}\n", start));
    }

    @Test
    void fishCompletesEverySubcommandAndOption() {
        String fish = script("fish");
        assertTrue(fish.contains("complete -c jpod -n '__jpod_in' -a 'pod' -d 'Manage pods.'"));
        assertTrue(fish.contains("complete -c jpod -n '__jpod_in pod' -a 'inspect'"));
        assertTrue(fish.contains("complete -c jpod -n '__jpod_in volume' -a 'remove'"));
        assertTrue(fish.contains("complete -c jpod -n '__jpod_in ps' -s 'a' -l 'all'"));
        assertTrue(fish.contains("complete -c jpod -n '__jpod_in ps' -l 'format' -x"));
        assertTrue(fish.contains("complete -c jpod -n '__jpod_in completion' -a 'bash zsh fish'"));
        // the hidden hook conmon calls is not offered
        assertTrue(!fish.contains("container-exited"), fish);
    }

    @Test
    void fishCompletesNamesFromJpodItself() {
        String fish = script("fish");
        assertTrue(
                fish.contains(
                        "complete -c jpod -n '__jpod_in pod inspect' -a '(__jpod_names pods)'"));
        assertTrue(fish.contains("-n '__jpod_in exec' -a '(__jpod_names containers)'"));
        assertTrue(fish.contains("-n '__jpod_in rmi' -a '(__jpod_names images)'"));
        assertTrue(fish.contains("-n '__jpod_in volume rm' -a '(__jpod_names volumes)'"));
        assertTrue(
                fish.contains("-n '__jpod_in inspect' -a '(__jpod_names containers pods images)'"));
        assertTrue(fish.contains("\"$jpod\" ps -a --format '{{.PodName}}' 2>/dev/null | sort -u"));
        // a new name is not completed from the existing ones
        assertTrue(!fish.contains("-n '__jpod_in volume create' -a '(__jpod_names"), fish);
    }

    @Test
    void bashCompletesNamesOnTheirPositionsOnly() {
        String bash = script("bash");
        assertTrue(bash.contains("complete -F _complete_jpod"));
        assertTrue(function(bash, "_picocli_jpod_pod_inspect").contains("_jpod_names pods"));
        // an alias has a function of its own
        assertTrue(function(bash, "_picocli_jpod_volume_remove").contains("_jpod_names volumes"));
        String exec = function(bash, "_picocli_jpod_exec");
        assertTrue(
                exec.contains(
                        "if (( currIndex >= 0 && currIndex <= 0 )); then\n"
                                + "      positionals=$(_jpod_names containers)"),
                exec);
        assertTrue(!function(bash, "_picocli_jpod_volume_create").contains("_jpod_names"));
    }

    @Test
    void zshLoadsTheBashScriptThroughBashcompinit() {
        String zsh = script("zsh");
        assertTrue(zsh.contains("bashcompinit"));
        assertTrue(function(zsh, "_picocli_jpod_volume_inspect").contains("_jpod_names volumes"));
    }

    /** Stands for jpod: records how it was called, prints three containers' pods. */
    private static Path stub(Path dir) throws IOException {
        Path jpod = dir.resolve("jpod");
        Files.writeString(
                jpod,
                "#!/bin/sh\necho \"$*\" >> "
                        + dir.resolve("calls")
                        + "\necho web\necho web\necho db\n");
        Files.setPosixFilePermissions(jpod, PosixFilePermissions.fromString("rwx------"));
        return jpod;
    }

    /** What a shell printed, its errors left out: compopt complains outside a real completion. */
    private static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void bashCompletesAPodNameListedByTheJpodBeingCompleted(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path script = dir.resolve("jpod.bash");
        Files.writeString(script, script("bash"));
        Path jpod = stub(dir);
        String out =
                run(
                        "bash",
                        "-c",
                        "source "
                                + script
                                + " && COMP_WORDS=("
                                + jpod
                                + " pod inspect w) && COMP_CWORD=3 &&"
                                + " COMP_LINE=\"${COMP_WORDS[*]}\" && _complete_jpod; printf '%s\\n"
                                + "' \"${COMPREPLY[@]}\"");
        assertEquals(List.of("web"), out.lines().toList());
        assertEquals(
                List.of("ps -a --format {{.PodName}}"),
                Files.readAllLines(dir.resolve("calls")),
                "jpod's calls");
    }

    @Test
    void fishCompletesAPodNameListedByTheJpodBeingCompleted(@TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(
                Stream.of(System.getenv("PATH").split(":"))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, "fish"))),
                "fish is not installed");
        Path script = dir.resolve("jpod.fish");
        Files.writeString(script, script("fish"));
        Path jpod = stub(dir);
        String out =
                run("fish", "-c", "source " + script + "; complete -C '" + jpod + " pod stop w'");
        assertEquals(List.of("web"), out.lines().toList());
        assertEquals(
                List.of("ps -a --format {{.PodName}}"),
                Files.readAllLines(dir.resolve("calls")),
                "jpod's calls");
    }
}
