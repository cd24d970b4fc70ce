package io.jpod.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The prober's shell loop, run for real with /bin/sh and flock(1), with rounds that are small
 * scripts: each counts itself in a file and prints what a round of the prober would.
 */
class ProberLoopTest {

    @TempDir Path dir;

    private Process loop(String round) throws IOException {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "/bin/sh",
                                "-c",
                                ProberProcess.LOOP,
                                ProberProcess.NAME,
                                dir.resolve("prober.lock").toString(),
                                dir.resolve("prober.pid").toString()));
        argv.addAll(
                List.of(
                        "/bin/sh",
                        "-c",
                        "n=$(($(cat rounds 2>/dev/null || echo 0) + 1)); "
                                + "echo $n > rounds; "
                                + round));
        return new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out").toFile())
                .start();
    }

    private int rounds() throws IOException {
        Path f = dir.resolve("rounds");
        return Files.exists(f) ? Integer.parseInt(Files.readString(f).strip()) : 0;
    }

    private static void finish(Process p) throws InterruptedException {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the loop did not end");
        assertEquals(0, p.exitValue());
    }

    private void awaitRounds(int n) throws Exception {
        for (int i = 0; i < 6000 && rounds() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, rounds());
    }

    private long shellPid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("prober.pid")).strip());
    }

    @Test
    void sleepsWhatEachRoundSaysAndLeavesWhenOneSaysNothing() throws Exception {
        Process p = loop("[ $n -ge 3 ] || echo 0.05");
        finish(p);
        assertEquals(3, rounds());
        assertFalse(Files.exists(dir.resolve("prober.pid")), "its pid file goes with it");
    }

    @Test
    void onlyTheNumberThatEndsARoundsOutputCounts() throws Exception {
        Process p = loop("echo 'VM warning: something'; [ $n -ge 2 ] || echo 0.05");
        finish(p);
        assertEquals(2, rounds(), "a warning alone is no sleep, nor a number within it");
    }

    @Test
    void aSecondLoopLeavesAtOnceWhileTheFirstHoldsTheLock() throws Exception {
        Process first = loop("[ $n -ge 2 ] || echo 300");
        awaitRounds(1);
        Process second = loop("echo never");
        finish(second);
        assertEquals(1, rounds(), "the second made no round");
        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
    }

    @Test
    void aWakeDuringTheSleepBeginsTheNextRoundAtOnce() throws Exception {
        Process p = loop("[ $n -ge 2 ] || echo 300");
        awaitRounds(1);
        for (int i = 0; i < 6000 && !Files.exists(dir.resolve("prober.pid")); i++) {
            Thread.sleep(10);
        }
        // the first round asked for five minutes of sleep: the wake cuts it short
        Thread.sleep(200);
        new ProcessBuilder("kill", "-USR1", Long.toString(shellPid())).start().waitFor();
        finish(p);
        assertEquals(2, rounds());
    }

    @Test
    void aWakeDuringTheLastRoundMeansOneMore() throws Exception {
        Process p = loop("[ $n -ge 2 ] || sleep 2");
        awaitRounds(1);
        new ProcessBuilder("kill", "-USR1", Long.toString(shellPid())).start().waitFor();
        finish(p);
        assertEquals(2, rounds(), "a pod played during the last round is not left unprobed");
    }
}
