package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.util.function.Predicate;

/** stop, start, restart, kill, rm and wait on one container of a pod, and pod restart and kill. */
class ContainerVerbsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stoppedContainerStaysStoppedWhileItsPodRuns() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result played =
                jpod.run("play", "kube", jpod.stage().resolve("it/verbs.yaml").toString());
        assertEquals(0, played.exitCode(), played.all());
        try {
            awaitLogs(jpod, "verbs-side", out -> out.contains("side up"));
            awaitLogs(jpod, "verbs-app", out -> out.contains("started"));
            Jpod.Result port = jpod.run("port", "verbs-app");
            assertEquals("8080/tcp -> 0.0.0.0:18480\n", port.out(), port.all());
            assertEquals(port.out(), jpod.run("port", "verbs", "8080/tcp").out());
            assertEquals(125, jpod.run("port", "verbs", "9999").exitCode());

            Jpod.Result top = jpod.run("top", "verbs-app");
            assertEquals(0, top.exitCode(), top.all());
            String[] rows = top.out().split("\n");
            assertTrue(
                    rows[0].matches("USER +PID +PPID +%CPU +ELAPSED +TTY +TIME +COMMAND"), rows[0]);
            assertTrue(
                    top.out().lines().anyMatch(l -> l.matches("root +1 +0 .* \\? .*sh -c trap.*")),
                    top.out());
            Jpod.Result podTop = jpod.run("pod", "top", "verbs", "pid,args");
            assertEquals(0, podTop.exitCode(), podTop.all());
            assertTrue(podTop.out().contains("sleep 1000"), podTop.out());
            assertTrue(podTop.out().contains("sh -c trap"), podTop.out());

            Jpod.Result podLogs = jpod.run("logs", "--names", "verbs");
            assertTrue(podLogs.out().contains("verbs-app started\n"), podLogs.all());
            assertTrue(podLogs.out().contains("verbs-side side up\n"), podLogs.all());
            String sideId = inspect(jpod, "verbs-side").get("Id").asText().substring(0, 12);
            assertTrue(jpod.run("pod", "logs", "verbs").out().contains(sideId + " side up\n"));
            assertEquals(
                    "", jpod.run("logs", "--until", "2000-01-01T00:00:00Z", "verbs-app").out());
            assertEquals("started\n", jpod.run("logs", "--since", "10m", "verbs-app").out());

            Jpod.Result stop = jpod.run("stop", "verbs-app");
            assertEquals(0, stop.exitCode(), stop.all());
            assertEquals("verbs-app\n", stop.out());
            assertEquals("exited", status(jpod, "verbs-app"));
            assertEquals("running", status(jpod, "verbs-side"));
            assertEquals("running", status(jpod, "verbs-infra"));
            // longer than the first back-off (10 s) of restartPolicy Always
            Thread.sleep(12_000);
            JsonNode app = inspect(jpod, "verbs-app");
            assertEquals("exited", app.at("/State/Status").asText(), app.toString());
            assertEquals(0, app.get("RestartCount").asInt());

            String beforeStart = java.time.Instant.now().toString();
            Jpod.Result start = jpod.run("start", "verbs-app");
            assertEquals(0, start.exitCode(), start.all());
            assertEquals("running", status(jpod, "verbs-app"));
            awaitLogs(jpod, "verbs-app", out -> out.split("started", -1).length == 3);
            assertEquals("started\n", jpod.run("logs", "--since", beforeStart, "verbs-app").out());

            Jpod.Result hup = jpod.run("kill", "-s", "HUP", "verbs-app");
            assertEquals(0, hup.exitCode(), hup.all());
            awaitLogs(jpod, "verbs-app", out -> out.contains("got HUP"));
            assertEquals("running", status(jpod, "verbs-app"));
            assertEquals(125, jpod.run("kill", "-s", "NOPE", "verbs-app").exitCode());

            Jpod.Result infra = jpod.run("stop", "verbs-infra");
            assertEquals(125, infra.exitCode(), infra.all());
            assertTrue(infra.err().contains("jpod pod stop verbs"), infra.err());

            Jpod.Result refused = jpod.run("rm", "verbs-side");
            assertEquals(2, refused.exitCode(), refused.all());
            Jpod.Result removed = jpod.run("rm", "-f", "-t", "0", "verbs-side");
            assertEquals(0, removed.exitCode(), removed.all());
            assertNotEquals(0, jpod.run("inspect", "verbs-side").exitCode());
            assertEquals("running", status(jpod, "verbs-app"));

            Jpod.Result restart = jpod.run("pod", "restart", "-t", "0", "verbs");
            assertEquals(0, restart.exitCode(), restart.all());
            assertEquals("running", status(jpod, "verbs-app"));
            Jpod.Result podKill = jpod.run("pod", "kill", "-s", "HUP", "verbs");
            assertEquals(0, podKill.exitCode(), podKill.all());
            assertEquals("running", status(jpod, "verbs-app"));
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void waitPrintsTheExitCode() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result played =
                jpod.run("play", "kube", jpod.stage().resolve("it/oneshot-wait.yaml").toString());
        assertEquals(0, played.exitCode(), played.all());
        try {
            Jpod.Result waited = jpod.run("wait", "waited-job");
            assertEquals(0, waited.exitCode(), waited.all());
            assertEquals("3\n", waited.out());
            assertEquals("exited", status(jpod, "waited-job"));
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    static JsonNode inspect(Jpod jpod, String name) throws Exception {
        Jpod.Result r = jpod.run("inspect", name);
        assertEquals(0, r.exitCode(), r.all());
        return JSON.readTree(r.out()).get(0);
    }

    static String status(Jpod jpod, String name) throws Exception {
        return inspect(jpod, name).at("/State/Status").asText();
    }

    static String awaitLogs(Jpod jpod, String name, Predicate<String> done) throws Exception {
        String out = "";
        for (int i = 0; i < 100; i++) {
            out = jpod.run("logs", name).out();
            if (done.test(out)) {
                return out;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("logs of " + name + " never matched: " + out);
    }
}
