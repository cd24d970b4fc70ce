package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** postStart and preStop hooks (exec and sleep) and the stop signal, as the kubelet runs them. */
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
    void httpGetHooksGetALocatedNotice() throws Exception {
        Jpod jpod = Jpod.get();
        java.nio.file.Path manifest = jpod.stage().resolve("http-hook.yaml");
        java.nio.file.Files.writeString(
                manifest,
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: httphook}
                spec:
                  containers:
                    - name: app
                      image: localhost/jpod-busybox:latest
                      command: ["sleep", "1000"]
                      lifecycle:
                        preStop:
                          httpGet: {path: /quit, port: 8080}
                """);
        Jpod.Result played = jpod.run("play", "kube", manifest.toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertTrue(
                    played.err().contains("http-hook.yaml:11:")
                            && played.err().contains("httpGet hooks not supported yet"),
                    played.err());
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
