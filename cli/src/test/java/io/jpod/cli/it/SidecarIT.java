package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Native sidecars: init containers with restartPolicy Always. */
class SidecarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sidecarsStartInOrderRunBesideTheAppRestartAndStopAfterItInReverse() throws Exception {
        Jpod jpod = Jpod.get();
        SharedDir shared = SharedDir.of(jpod, "sidecars.yaml");
        Jpod.Result played =
                jpod.runWithEnv(
                        Map.of("JPOD_BACKOFF_BASE", "500ms"),
                        "play",
                        "kube",
                        shared.manifest().toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertEquals("prepare\napp-start\n", shared.await("events", "app-start"));
            JsonNode first = null;
            for (int i = 0; i < 100; i++) {
                first = JSON.readTree(jpod.run("inspect", "sidecars-first").out()).get(0);
                if (first.at("/State/Running").asBoolean()
                        && first.get("RestartCount").asInt() == 1) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(1, first.get("RestartCount").asInt(), "restarted under Never: " + first);
            assertTrue(first.at("/State/Running").asBoolean(), first.toString());
            JsonNode second = JSON.readTree(jpod.run("inspect", "sidecars-second").out()).get(0);
            JsonNode app = JSON.readTree(jpod.run("inspect", "sidecars-app").out()).get(0);
            assertTrue(second.at("/State/Running").asBoolean());
            assertTrue(
                    second.at("/State/StartedAt")
                                    .asText()
                                    .compareTo(app.at("/State/StartedAt").asText())
                            <= 0,
                    "the sidecar started before the app");
            String ps = jpod.run("ps").out();
            assertTrue(ps.contains("sidecars-first") && ps.contains("sidecars-second"), ps);
            Jpod.Result stopped = jpod.run("pod", "stop", "sidecars");
            assertEquals(0, stopped.exitCode(), stopped.all());
            assertEquals(
                    "prepare\napp-start\napp-stop\nsecond-stop\nfirst-stop\n",
                    shared.read("events"),
                    "the app stops first, then the sidecars, last started first");
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void aSidecarsLivenessProbeRestartsItAndItsReadinessCountsInReady() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/sidecar-probes.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            long until = System.nanoTime() + 90_000_000_000L;
            String ready = "";
            String ps = "";
            int restarts = 0;
            while (System.nanoTime() < until) {
                restarts =
                        ContainerVerbsIT.inspect(jpod, "sideprobes-proxy")
                                .get("RestartCount")
                                .asInt();
                ready = jpod.run("pod", "ps", "--format", "{{.Name}} {{.Ready}}").out().strip();
                ps = jpod.run("ps", "--format", "{{.Names}} {{.Status}}").out();
                if (restarts >= 1
                        && ready.equals("sideprobes 2/2")
                        && ps.matches("(?s).*sideprobes-proxy Up [^\n]*\\(healthy\\)\n.*")) {
                    break;
                }
                Thread.sleep(250);
            }
            assertEquals(1, restarts, "the first run failed its liveness probe, the second lives");
            assertEquals("sideprobes 2/2", ready, "the sidecar counts in READY");
            assertTrue(
                    ps.matches("(?s).*sideprobes-proxy Up [^\n]*\\(healthy\\)\n.*"),
                    "ps shows the sidecar's health: " + ps);
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void theAppStartsOnlyOnceTheSidecarsStartupProbePassed() throws Exception {
        Jpod jpod = Jpod.get();
        SharedDir shared = SharedDir.of(jpod, "sidecar-startup.yaml");
        Jpod.Result played = jpod.run("play", "kube", shared.manifest().toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertEquals(
                    "found\n",
                    shared.await("app", "\n"),
                    "the sidecar had written its file when the app started");
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void aSidecarWhoseStartupProbeFailsFailsThePlayAndLeavesNothing() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/sidecar-never-starts.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        try {
            assertEquals(125, played.exitCode(), played.all());
            assertTrue(
                    played.err()
                            .contains(
                                    "sidecar stuck of pod sidenever did not start: startup probe"
                                            + " tcp-socket :9 failed 2 times"),
                    played.err());
            assertEquals("", jpod.run("pod", "ps", "-q").out());
            assertEquals("", jpod.run("ps", "-a", "-q").out());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }
}
