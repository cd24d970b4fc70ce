package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * postStart and preStop hooks (exec, httpGet and sleep) and the stop signal, as the kubelet runs
 * them.
 */
class LifecycleHooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postStartRunsBeforeTheAppGoesOnAndPreStopBeforeTheStopSignal() throws Exception {
        Jpod jpod = Jpod.get();
        SharedDir shared = SharedDir.of(jpod, "hooks.yaml");
        Jpod.Result played = jpod.run("play", "kube", shared.manifest().toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertEquals(
                    "from-poststart\n",
                    shared.await("seen", "from-poststart"),
                    "the app read what postStart wrote");
            JsonNode quits = JSON.readTree(jpod.run("inspect", "hooks-quits").out()).get(0);
            assertEquals(10, quits.at("/Config/StopSignal").asInt(), "SIGUSR1");
            long start = System.nanoTime();
            Jpod.Result stopped = jpod.run("pod", "stop", "hooks");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, stopped.exitCode(), stopped.all());
            assertEquals("app-prestop\napp-term\n", shared.read("events"));
            assertEquals(
                    "quits-usr1\n",
                    shared.read("signals"),
                    "lifecycle.stopSignal replaces SIGTERM");
            assertTrue(millis >= 1000, "preStop's sleep of 1 s comes first: " + millis + " ms");
            assertTrue(millis < 9000, "both left on their signal, within the grace: " + millis);
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void aFailingPostStartKillsTheContainerWithTheReason() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/bad-hook.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            JsonNode c = CrashLoopIT.awaitExited(jpod, "badhook-app");
            assertEquals("exited", c.at("/State/Status").asText(), c.toString());
            assertEquals(137, c.at("/State/ExitCode").asInt());
            assertEquals("FailedPostStartHook", c.at("/KubeState/Reason").asText(), c.toString());
            assertTrue(c.at("/KubeState/Message").asText().contains("exit code 7"), c.toString());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void httpGetHooksAreMadeFromThePodsNetworkAndAFailingOneKillsItsContainer() throws Exception {
        Jpod jpod = Jpod.get();
        SharedDir shared = SharedDir.of(jpod, "http-hooks.yaml");
        Jpod.Result played = jpod.run("play", "kube", shared.manifest().toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertEquals(
                    "/cgi-bin/hook?post-start post-start\n",
                    shared.await("requests", "post-start\n"),
                    "the server in the pod got postStart's GET, with its header");
            JsonNode bad = CrashLoopIT.awaitExited(jpod, "httphooks-bad");
            assertEquals(137, bad.at("/State/ExitCode").asInt(), bad.toString());
            assertEquals(
                    "FailedPostStartHook", bad.at("/KubeState/Reason").asText(), bad.toString());
            assertTrue(
                    bad.at("/KubeState/Message").asText().contains("HTTP status 404"),
                    bad.toString());
            JsonNode app = JSON.readTree(jpod.run("inspect", "httphooks-app").out()).get(0);
            assertTrue(app.at("/State/Running").asBoolean(), app.toString());
            Jpod.Result stopped = jpod.run("pod", "stop", "httphooks");
            assertEquals(0, stopped.exitCode(), stopped.all());
            assertEquals(
                    "/cgi-bin/hook?post-start post-start\n"
                            + "/cgi-bin/hook?pre-stop pre-stop\n"
                            + "app-term\n",
                    shared.read("requests"),
                    "preStop's GET came before the stop signal");
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    @Test
    void theImagesStopSignalIsHonoured() throws Exception {
        Jpod jpod = Jpod.get();
        java.nio.file.Path tarball = jpod.stage().resolve("busybox-rootfs.tar");
        Jpod.Result built =
                jpod.script(
                        java.util.List.of(
                                jpod.stage().resolve("samples/build-images").toString(),
                                tarball.toString()));
        assertEquals(0, built.exitCode(), built.all());
        Jpod.Result imported =
                jpod.run(
                        "import",
                        tarball.toString(),
                        "jpod-usr1:latest",
                        "--change",
                        "ENV PATH=/bin",
                        "--change",
                        "STOPSIGNAL SIGUSR1");
        assertEquals(0, imported.exitCode(), imported.all());
        SharedDir shared = SharedDir.of(jpod, "image-stopsignal.yaml");
        Jpod.Result played = jpod.run("play", "kube", shared.manifest().toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            JsonNode c = JSON.readTree(jpod.run("inspect", "imgsignal-app").out()).get(0);
            assertEquals(10, c.at("/Config/StopSignal").asInt(), c.toString());
            Jpod.Result stopped = jpod.run("pod", "stop", "imgsignal");
            assertEquals(0, stopped.exitCode(), stopped.all());
            assertEquals("usr1\n", shared.read("signals"));
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
            jpod.run("rmi", "jpod-usr1:latest");
        }
    }
}
