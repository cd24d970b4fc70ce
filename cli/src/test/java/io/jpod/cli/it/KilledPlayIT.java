package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code kill -9} of jpod in the middle of a play leaves a half-made pod and whatever the play
 * had made but not yet recorded; the next command that changes state finds all of it (its owner no
 * longer holds the state lock) and removes it: no process, file or mount of the pod is left.
 */
class KilledPlayIT {

    /**
     * Phase marks a play prints under JPOD_TRACE; the comments say what it does next. Each is
     * killed at once and 40 ms later, then repaired by {@code pod rm -a -f} or {@code kube down}.
     */
    private static final List<String> MARKS =
            List.of(
                    "storage: pod files, volumes", // the netns file and slirp4netns come next
                    // slirp4netns starting, its pid not recorded yet; beside it the infra's create
                    "namespaces: netns",
                    // the helper up; the containers being made beside it, wherever they are
                    "network: helper, ports",
                    "runtime: infra", // the app containers' overlays and conmons
                    "runtime: create containers"); // runc start

    @Test
    void aPlayKilledAtAnyStepIsRepairedByTheNextCommand() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("samples/web.yaml").toString();
        for (String mark : MARKS) {
            for (long delayMillis : List.of(0L, 40L)) {
                String moment = "killed " + delayMillis + " ms after '" + mark + "'";
                killPlayAt(jpod, manifest, mark, delayMillis);
                if (delayMillis == 0) {
                    Jpod.Result rm = jpod.run("pod", "rm", "-a", "-f");
                    assertEquals(0, rm.exitCode(), moment + ": " + rm.all());
                } else {
                    // the half-made pod is repaired away before down looks for it by name, so
                    // down may answer that there is no such pod: only what is left counts
                    jpod.run("kube", "down", manifest);
                }
                assertEquals("", jpod.run("pod", "ps", "-q").out(), moment);
                assertEquals("", jpod.run("ps", "-a", "-q").out(), moment);
                assertEquals(List.of(), Processes.podProcessesAfterSettling(jpod), moment);
                assertEquals(List.of(), Processes.podMounts(jpod), moment);
                assertEquals(List.of(), leftFiles(jpod), moment);
            }
        }
    }

    /** Plays, and kills the whole play (launcher and namespaced JVM) once it reaches a mark. */
    private static void killPlayAt(Jpod jpod, String manifest, String mark, long delayMillis)
            throws IOException, InterruptedException {
        Process play = jpod.startTraced(List.of("play", "kube", manifest));
        List<String> seen = new ArrayList<>();
        try (BufferedReader err =
                new BufferedReader(
                        new InputStreamReader(play.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null && !line.endsWith(" " + mark)) {
                seen.add(line);
            }
            assertTrue(line != null, "the play never reached '" + mark + "': " + seen);
            Thread.sleep(delayMillis);
            new ProcessBuilder("kill", "-9", "--", "-" + play.pid()).start().waitFor();
        }
        play.waitFor();
    }

    /** What is left in the directories jpod keeps per container and per pod. */
    private static List<String> leftFiles(Jpod jpod) throws IOException {
        List<String> left = new ArrayList<>();
        for (Path dir :
                List.of(
                        jpod.dataDir().resolve("containers"),
                        jpod.dataDir().resolve("pods"),
                        jpod.runDir().resolve("runc"),
                        jpod.runDir().resolve("netns"),
                        jpod.runDir().resolve("exits"),
                        jpod.runDir().resolve("socket"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.forEach(p -> left.add(p.toString()));
                }
            }
        }
        return left;
    }
}
