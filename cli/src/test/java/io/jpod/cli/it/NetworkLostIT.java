package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * slirp4netns killed under a running pod: {@code pod ps} says Degraded, {@code pod inspect} names
 * the helper that is gone, and {@code pod start} brings it back with the pod's hostPort.
 */
class NetworkLostIT {

    private static Jpod jpod;
    private static String manifest;

    @BeforeAll
    static void play() throws Exception {
        jpod = Jpod.get();
        manifest = jpod.stage().resolve("samples/web.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
    }

    @AfterAll
    static void down() throws Exception {
        jpod.run("kube", "down", manifest);
    }

    @Test
    void aDeadHelperIsReportedAndRepairedByPodStart() throws Exception {
        assertEquals(200, get());
        long helper =
                Long.parseLong(
                        jpod.run("pod", "inspect", "-f", "{{.NetworkHelper.Pid}}", "web")
                                .out()
                                .strip());
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(helper)).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        while (Processes.running(helper)) {
            Thread.sleep(20);
        }

        Jpod.Result ps = jpod.run("pod", "ps", "--format", "{{.Name}} {{.Status}}");
        assertTrue(ps.out().contains("web Degraded"), ps.all());
        assertEquals(
                "slirp4netns false",
                jpod.run(
                                "pod",
                                "inspect",
                                "-f",
                                "{{.NetworkHelper.Name}} {{.NetworkHelper.Running}}",
                                "web")
                        .out()
                        .strip());

        Jpod.Result started = jpod.run("pod", "start", "web");
        assertEquals(0, started.exitCode(), started.all());
        assertTrue(
                jpod.run("pod", "ps", "--format", "{{.Name}} {{.Status}}")
                        .out()
                        .contains("web Running"));
        assertEquals(200, get(), "the hostPort answers again");

        Jpod.Result down = jpod.run("kube", "down", manifest);
        assertEquals(0, down.exitCode(), down.all());
        assertEquals(List.of(), Processes.podProcessesAfterSettling(jpod));
    }

    private static int get() throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
