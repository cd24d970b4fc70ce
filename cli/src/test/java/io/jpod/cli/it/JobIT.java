package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Jobs run by {@code play kube --wait}: completions, parallelism, backoffLimit, deadline. */
class JobIT {

    private static final Map<String, String> FAST = Map.of("JPOD_BACKOFF_BASE", "500ms");

    @Test
    void threeCompletionsTwoAtATimeEachWithItsIndexDespiteASidecar() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/job.yaml").toString();
        long start = System.nanoTime();
        Jpod.Result played = jpod.runWithEnv(FAST, "play", "kube", "--wait", manifest);
        long millis = (System.nanoTime() - start) / 1_000_000;
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertTrue(played.err().contains("Job batch: Complete (3 of 3"), played.err());
            for (int i = 0; i < 3; i++) {
                assertEquals("index " + i + "\n", jpod.run("logs", "batch-" + i + "-work").out());
            }
            assertTrue(millis < 120_000, millis + " ms");
            String ps = jpod.run("ps", "-a").out();
            assertTrue(ps.contains("batch-2-helper"), ps);
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
            assertEquals("", jpod.run("pod", "ps", "-q").out());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void aJobFailingPastItsBackoffLimitExitsWithTheContainersCode() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/job-fails.yaml").toString();
        Jpod.Result played = jpod.runWithEnv(FAST, "play", "kube", "--wait", manifest);
        try {
            assertEquals(3, played.exitCode(), played.all());
            assertTrue(played.err().contains("Job doomed: BackoffLimitExceeded"), played.err());
            assertTrue(played.err().contains("failure 2 of backoffLimit 1"), played.err());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void aJobPastItsDeadlineIsStoppedAndFails() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/job-late.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", "--wait", manifest);
        try {
            assertEquals(1, played.exitCode(), played.all());
            assertTrue(played.err().contains("Job late: DeadlineExceeded"), played.err());
            assertTrue(jpod.run("ps", "-a").out().contains("Exited"), "its pod was stopped");
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }
}
