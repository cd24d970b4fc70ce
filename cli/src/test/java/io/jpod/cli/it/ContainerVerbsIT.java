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

            Jpod.Result start = jpod.run("start", "verbs-app");
            assertEquals(0, start.exitCode(), start.all());
            assertEquals("running", status(jpod, "verbs-app"));
            awaitLogs(jpod, "verbs-app", out -> out.split("started", -1).length == 3);

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
