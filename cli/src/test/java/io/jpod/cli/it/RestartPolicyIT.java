package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * restartPolicy, applied by conmon's exit hook: jpod runs again when a container exits; no daemon
 * watches.
 */
class RestartPolicyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onFailureRestartsTheFailingContainerOnly() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/restart.yaml").toString();
        assertEquals(0, jpod.run("play", "kube", manifest).exitCode());
        try {
            awaitRestarted(jpod, "crashy-fails");
            assertTrue(jpod.run("logs", "crashy-fails").out().startsWith("attempt\nattempt\n"));
            JsonNode succeeds = JSON.readTree(jpod.run("inspect", "crashy-succeeds").out()).get(0);
            assertEquals(
                    0,
                    succeeds.get("RestartCount").asInt(),
                    "exit 0 is not restarted under OnFailure");
            assertEquals(0, succeeds.at("/State/ExitCode").asInt());
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run(
                    "pod", "rm", "-f",
                    "-a"); // without an assertion, so that the first failure is the one reported
        }
    }

    @Test
    void aContainerThatFailsWhileItsPodIsMadeIsRestartedOnceThePlayIsDone() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/early-exit.yaml").toString();
        Jpod.Result play = jpod.run("play", "kube", manifest);
        assertEquals(0, play.exitCode(), play.all());
        try {
            awaitRestarted(jpod, "early-fails");
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run(
                    "pod", "rm", "-f",
                    "-a"); // without an assertion, so that the first failure is the one reported
        }
    }

    /** Waits, within a minute, for the container's first restart. */
    private static void awaitRestarted(Jpod jpod, String container) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode c;
        do {
            c = JSON.readTree(jpod.run("inspect", container).out()).get(0);
            if (c.get("RestartCount").asInt() >= 1) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        fail(container + " was not restarted: " + c);
    }

    @Test
    void neverLeavesTheContainerExited() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/never.yaml").toString();
        assertEquals(0, jpod.run("play", "kube", manifest).exitCode());
        try {
            JsonNode c = null;
            for (int i = 0; i < 50; i++) {
                c = JSON.readTree(jpod.run("inspect", "oneshot-fails").out()).get(0);
                if (c.at("/State/Status").asText().equals("exited")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(4, c.at("/State/ExitCode").asInt(), c.toString());
            Thread.sleep(1500);
            c = JSON.readTree(jpod.run("inspect", "oneshot-fails").out()).get(0);
            assertEquals(0, c.get("RestartCount").asInt());
            assertEquals("exited", c.at("/State/Status").asText());
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run(
                    "pod", "rm", "-f",
                    "-a"); // without an assertion, so that the first failure is the one reported
        }
    }
}
