package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The bash completion script, loaded and asked for names as bash asks at a TAB, and the global
 * options.
 */
class CompletionIT {

    private static Jpod jpod;
    private static String manifest;

    @BeforeAll
    static void play() throws Exception {
        jpod = Jpod.get();
        manifest = jpod.stage().resolve("it/completion.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
    }

    @AfterAll
    static void down() throws Exception {
        jpod.run("kube", "down", manifest);
    }

    /** Runs a bash command line as the test user, with {@code $JPOD} the staged jpod. */
    private static Jpod.Result bash(String commands) throws Exception {
        return jpod.script(List.of("bash", "-c", commands));
    }

    /** What the completion function offers for the words after jpod, the last being completed. */
    private static List<String> complete(String... words) throws Exception {
        Jpod.Result r =
                bash(
                        "source <(\"$JPOD\" completion bash) && COMP_WORDS=(\"$JPOD\" "
                                + String.join(" ", words)
                                + ") && COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )) &&"
                                + " COMP_LINE=\"${COMP_WORDS[*]}\" && _complete_jpod 2>/dev/null;"
                                + " printf '%s\\n"
                                + "' \"${COMPREPLY[@]}\"");
        assertEquals(0, r.exitCode(), r.all());
        return r.out().lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void theScriptLoads() throws Exception {
        Jpod.Result loaded = bash("source <(\"$JPOD\" completion bash)");
        assertEquals(0, loaded.exitCode(), loaded.all());
        assertEquals("", loaded.err());
    }

    @Test
    void aGlobalOptionBeforeANamespacedVerb() throws Exception {
        Jpod.Result pods = jpod.run("--log-level", "debug", "pod", "ps", "--format", "{{.Name}}");
        assertEquals(0, pods.exitCode(), pods.all());
        assertTrue(pods.out().lines().anyMatch("tabbed"::equals), pods.out());
    }

    @Test
    void aPodNameIsCompleted() throws Exception {
        List<String> pods = complete("pod", "inspect", "''");
        assertTrue(pods.contains("tabbed"), pods.toString());
        assertEquals(List.of("tabbed"), complete("pod", "stop", "tab"));
    }

    @Test
    void containerNamesAreCompletedWhereAContainerIsNamed() throws Exception {
        List<String> containers = complete("exec", "''");
        assertTrue(containers.contains("tabbed-main"), containers.toString());
        // after the container comes the command run in it
        assertEquals(List.of(), complete("exec", "tabbed-main", "tab"));
        assertTrue(complete("images", "''").isEmpty());
        assertTrue(complete("rmi", "localhost/jpod-b").contains("localhost/jpod-busybox:latest"));
    }
}
