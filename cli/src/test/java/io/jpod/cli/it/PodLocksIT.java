package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Commands on different pods never wait on each other: a teardown waiting out a 15 s grace period,
 * or a play waiting for an init container, holds up no other pod, and what the waiting pod holds
 * (its image, its volume) stays held. The time bounds are far above a normal run and far below the
 * wait they must not include.
 */
class PodLocksIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "localhost/jpod-busybox:latest";

    @AfterEach
    void cleanUp() throws Exception {
        // without an assertion, so that the first failure is the one reported
        Jpod.get().run("pod", "rm", "-f", "-a");
    }

    @Test
    void aPlayDoesNotWaitForAnotherPodsGracePeriod() throws Exception {
        Jpod jpod = Jpod.get();
        String slow = manifest(jpod, "slow-down.yaml");
        String quick = manifest(jpod, "quick.yaml");
        assertEquals(0, jpod.run("play", "kube", slow).exitCode());
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            long downStarted = System.nanoTime();
            Future<Jpod.Result> down = pool.submit(() -> jpod.run("kube", "down", slow));
            awaitPhaseChange(jpod, "slowdown");
            Duration waited = Duration.ofNanos(System.nanoTime() - downStarted);
            long t0 = System.nanoTime();
            Jpod.Result played = jpod.run("play", "kube", quick);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertEquals(0, played.exitCode(), played.all());
            assertTrue(took.toSeconds() < 10, "play waited for the teardown: " + took);
            assertTrue(
                    !down.isDone(),
                    "the teardown began within "
                            + waited
                            + ", the play took "
                            + took
                            + ", the teardown was over after "
                            + Duration.ofNanos(System.nanoTime() - downStarted)
                            + ": "
                            + (down.isDone() ? down.get().all() : ""));
            Jpod.Result downed = down.get(60, TimeUnit.SECONDS);
            assertEquals(0, downed.exitCode(), downed.all());
        }
        assertEquals(0, jpod.run("kube", "down", quick).exitCode());
    }

    @Test
    void aRestartHookRunsDuringAnotherPodsTeardown() throws Exception {
        Jpod jpod = Jpod.get();
        String slow = manifest(jpod, "slow-down.yaml");
        String flapping = manifest(jpod, "always.yaml");
        assertEquals(0, jpod.run("play", "kube", slow).exitCode());
        assertEquals(0, jpod.run("play", "kube", flapping).exitCode());
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Jpod.Result> down = pool.submit(() -> jpod.run("kube", "down", slow));
            awaitPhaseChange(jpod, "slowdown");
            // the container exits after 3 s; the first restart has no back-off
            int restarts = 0;
            for (int i = 0; i < 100 && restarts < 1 && !down.isDone(); i++) {
                restarts = restartCount(jpod, "flapping-app");
                Thread.sleep(100);
            }
            assertTrue(
                    restarts >= 1,
                    "no restart while the other pod was torn down: "
                            + jpod.run("pod", "ps").out()
                            + jpod.run("ps", "-a").out()
                            + jpod.run("logs", "flapping-app").all());
            assertTrue(!down.isDone(), "the restart came within the other pod's grace period");
            Jpod.Result downed = down.get(60, TimeUnit.SECONDS);
            assertEquals(0, downed.exitCode(), downed.all());
        }
        assertEquals(0, jpod.run("kube", "down", flapping).exitCode());
    }

    @Test
    void rmiAndVolumeRmAreRefusedWhileAPodIsBeingPlayed() throws Exception {
        Jpod jpod = Jpod.get();
        String slowInit = manifest(jpod, "slow-init.yaml");
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Jpod.Result> play = pool.submit(() -> jpod.run("play", "kube", slowInit));
            for (int i = 0; i < 100 && !jpod.run("pod", "ps").out().contains("slowinit"); i++) {
                Thread.sleep(50);
            }
            assertTrue(!play.isDone(), "the play was still running its init container");
            Jpod.Result rmi = jpod.run("rmi", IMAGE);
            assertEquals(125, rmi.exitCode(), rmi.all());
            assertTrue(rmi.err().contains("in use"), rmi.err());
            Jpod.Result volumeRm = jpod.run("volume", "rm", "slowinit-data");
            assertEquals(125, volumeRm.exitCode(), volumeRm.all());
            assertTrue(volumeRm.err().contains("being used"), volumeRm.err());
            Jpod.Result played = play.get(60, TimeUnit.SECONDS);
            assertEquals(0, played.exitCode(), played.all());
        }
        assertTrue(jpod.run("images").out().contains("jpod-busybox"));
        Jpod.Result check = jpod.run("exec", "slowinit-app", "cat", "/data/ok");
        for (int i = 0; i < 50 && !check.out().equals("ok\n"); i++) {
            Thread.sleep(100);
            check = jpod.run("exec", "slowinit-app", "cat", "/data/ok");
        }
        assertEquals("ok\n", check.out(), check.all());
        assertEquals(0, jpod.run("kube", "down", slowInit).exitCode());
        assertEquals(0, jpod.run("volume", "rm", "slowinit-data").exitCode());
    }

    private static String manifest(Jpod jpod, String name) {
        return jpod.stage().resolve("it/" + name).toString();
    }

    /** Waits until a teardown has begun: the pod no longer reads as running. */
    private static void awaitPhaseChange(Jpod jpod, String pod) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode doc = JSON.readTree(jpod.run("pod", "inspect", pod).out());
            if (doc.isEmpty() || !"Running".equals(doc.get(0).path("State").asText())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the teardown of " + pod + " did not begin");
    }

    private static int restartCount(Jpod jpod, String container) throws Exception {
        JsonNode doc = JSON.readTree(jpod.run("inspect", container).out());
        return doc.isEmpty() ? 0 : doc.get(0).path("RestartCount").asInt();
    }
}
