package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The kubelet's back-off, run by conmon's exit hook and a detached sleeper: no daemon, no JVM
 * waiting. JPOD_BACKOFF_BASE shortens the 10 s base.
 */
class CrashLoopIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FAST = Map.of("JPOD_BACKOFF_BASE", "1s");

    @Test
    void aCrashingContainerWaitsInCrashLoopBackOffWithItsRestartsAndLastState() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/crashloop.yaml").toString();
        Jpod.Result played = jpod.runWithEnv(FAST, "play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            JsonNode c = null;
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (System.nanoTime() < deadline) {
                c = JSON.readTree(jpod.run("inspect", "crashloop-crash").out()).get(0);
                if (c.get("RestartCount").asInt() >= 3
                        && c.at("/KubeState/Reason").asText().equals("CrashLoopBackOff")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(c.get("RestartCount").asInt() >= 3, c.toString());
            assertEquals("CrashLoopBackOff", c.at("/KubeState/Reason").asText(), c.toString());
            assertEquals("CrashLoopBackOff", c.at("/State/Error").asText());
            assertEquals("exited", c.at("/State/Status").asText(), "podman has no such status");
            assertTrue(c.at("/KubeState/BackOffUntil").asText().startsWith("20"), c.toString());
            assertEquals(1, c.at("/KubeState/LastState/ExitCode").asInt(), c.toString());
            assertEquals("Error", c.at("/KubeState/LastState/Reason").asText());
            assertEquals("bye\n", c.at("/KubeState/LastState/Message").asText());
            assertTrue(
                    c.at("/KubeState/LastState/FinishedAt")
                                    .asText()
                                    .compareTo(c.at("/KubeState/LastState/StartedAt").asText())
                            >= 0,
                    c.toString());
            String ps = jpod.run("ps", "-a").out();
            assertTrue(ps.contains("crashloop-crash"), ps);
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void terminationMessagesComeFromTheFileOrTheLogsTail() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/termination.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            JsonNode file = awaitExited(jpod, "termmsg-file");
            assertEquals("all done\n", file.at("/KubeState/Message").asText(), file.toString());
            assertEquals("Completed", file.at("/KubeState/Reason").asText());
            JsonNode logs = awaitExited(jpod, "termmsg-logs");
            assertEquals(2, logs.at("/State/ExitCode").asInt());
            assertEquals("Error", logs.at("/KubeState/Reason").asText());
            assertEquals("line1\noops", logs.at("/KubeState/Message").asText(), logs.toString());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void anInitContainerIsRetriedWithTheBackOffUnderOnFailure() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/init-retry.yaml").toString();
        Jpod.Result played =
                jpod.runWithEnv(Map.of("JPOD_BACKOFF_BASE", "500ms"), "play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertTrue(
                    played.err()
                            .contains("init container setup of pod initretry exited with code 1"),
                    played.err());
            JsonNode setup = JSON.readTree(jpod.run("inspect", "initretry-setup").out()).get(0);
            assertEquals(2, setup.get("RestartCount").asInt(), setup.toString());
            assertEquals(0, setup.at("/State/ExitCode").asInt());
            assertEquals(1, setup.at("/KubeState/LastState/ExitCode").asInt(), setup.toString());
            String tries = "";
            for (int i = 0; i < 50 && !tries.contains("3"); i++) {
                tries = jpod.run("logs", "initretry-app").out();
                Thread.sleep(100);
            }
            assertEquals("3\n", tries, "the app starts after the third, successful try");
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void underNeverAFailingInitContainerFailsThePodNamingIt() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result played =
                jpod.run("play", "kube", jpod.stage().resolve("it/init-fails.yaml").toString());
        assertEquals(125, played.exitCode(), played.all());
        assertTrue(played.err().contains("init container broken"), played.err());
        assertEquals("", jpod.run("pod", "ps", "-q").out());
    }

    static JsonNode awaitExited(Jpod jpod, String name) throws Exception {
        JsonNode c = null;
        for (int i = 0; i < 150; i++) {
            c = JSON.readTree(jpod.run("inspect", name).out()).get(0);
            if (c.at("/State/Status").asText().equals("exited")) {
                return c;
            }
            Thread.sleep(100);
        }
        return c;
    }
}
