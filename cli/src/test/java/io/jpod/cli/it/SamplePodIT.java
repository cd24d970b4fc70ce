package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample two-container pod, played rootless, used as a user would, then torn down without a
 * trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplePodIT {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        jpod.run("pod", "rm", "-f", "web");
    }

    @Test
    @Order(1)
    void hostPortServesThePageToTheHost() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Hello from jpod"), response.body());
    }

    @Test
    @Order(2)
    void sidecarReachesServerOnPodLoopbackAndLogsShowIt() throws Exception {
        String logs = "";
        for (int i = 0; i < 100 && !logs.contains("fetched from web"); i++) {
            Thread.sleep(200);
            logs = jpod.run("logs", "web-client").out();
        }
        assertTrue(logs.contains("Hello from jpod"), logs);
        assertTrue(logs.contains("fetched from web"), logs);
        Jpod.Result serverLogs = jpod.run("logs", "--tail", "1", "web-server");
        assertEquals(0, serverLogs.exitCode());
        assertTrue(serverLogs.all().contains("response:200"), serverLogs.all());
    }

    @Test
    @Order(3)
    void execSeesTheContainerEnvironmentAndPassesExitCodesBack() throws Exception {
        Jpod.Result env =
                jpod.run(
                        "exec",
                        "web-server",
                        "sh",
                        "-c",
                        "echo $GREETING $PATH; cat /etc/hostname");
        assertEquals(0, env.exitCode(), env.all());
        assertEquals("hello /bin\nweb\n", env.out());
        assertEquals(3, jpod.run("exec", "web-server", "sh", "-c", "exit 3").exitCode());
        Jpod.Result missing = jpod.run("exec", "web-server", "no-such-command");
        assertEquals(127, missing.exitCode());
        assertTrue(missing.err().contains("no-such-command"), missing.err());
        assertEquals(126, jpod.run("exec", "web-server", "/etc/passwd").exitCode());
        assertEquals(125, jpod.run("exec", "no-such-container", "true").exitCode());
    }

    @Test
    @Order(4)
    void containersOutliveThePlayAndInspectUsesPodmanKeys() throws Exception {
        Jpod.Result ps = jpod.run("ps");
        assertTrue(ps.out().contains("web-server") && ps.out().contains("web-client"), ps.out());
        JsonNode doc = JSON.readTree(jpod.run("inspect", "web-server").out()).get(0);
        assertEquals("web-server", doc.get("Name").asText());
        assertEquals("running", doc.at("/State/Status").asText());
        assertTrue(doc.at("/State/Running").asBoolean());
        long pid = doc.at("/State/Pid").asLong();
        assertTrue(
                Files.exists(Path.of("/proc", Long.toString(pid))),
                "container process " + pid + " is gone");
        assertEquals(0, doc.get("RestartCount").asInt());
        assertEquals(64, doc.get("Pod").asText().length());
        assertFalse(doc.at("/State/StartedAt").asText().startsWith("0001"));
        assertTrue(jpod.run("pod", "ps").out().contains("Running"));
    }

    @Test
    @Order(5)
    void generateKubeWritesThePodBackWithItsConfigMap() throws Exception {
        Jpod.Result generated = jpod.run("generate", "kube", "web");
        assertEquals(0, generated.exitCode(), generated.all());
        String yaml = generated.out();
        for (String expected :
                List.of(
                        "kind: ConfigMap",
                        "kind: Pod",
                        "name: server",
                        "name: client",
                        "hostPort: 18080",
                        "image: localhost/jpod-busybox:latest")) {
            assertTrue(yaml.contains(expected), "missing `" + expected + "` in:\n" + yaml);
        }
        assertFalse(
                yaml.contains("web-server"), "containers keep their manifest names, not jpod's");
        assertTrue(
                jpod.run("generate", "kube", "--type", "deployment", "web")
                        .out()
                        .contains("kind: Deployment"));
    }

    @Test
    @Order(5)
    void playingTheSamePodAgainFailsAndKeepsTheFirst() throws Exception {
        Jpod.Result again = jpod.run("play", "kube", manifest);
        assertEquals(125, again.exitCode());
        assertTrue(again.err().contains("pod web already exists"), again.err());
        assertTrue(jpod.run("ps").out().contains("web-server"));
        hostPortServesThePageToTheHost();
    }

    @Test
    @Order(6)
    void podStopThenStartServesAgain() throws Exception {
        Jpod.Result stop = jpod.run("pod", "stop", "-t", "1", "web");
        assertEquals(0, stop.exitCode(), stop.all());
        assertTrue(jpod.run("pod", "ps").out().contains("Exited"));
        assertTrue(
                jpod.run("ps", "-a").out().contains("Exited (137)"),
                "httpd ignores SIGTERM and is killed");
        // following the log of a stopped container prints what there is and returns
        Jpod.Result followed = jpod.run("logs", "-f", "--tail", "1", "web-client");
        assertEquals(0, followed.exitCode(), followed.all());
        assertEquals(1, followed.out().lines().count(), followed.out());
        Jpod.Result start = jpod.run("pod", "start", "web");
        assertEquals(0, start.exitCode(), start.all());
        assertTrue(jpod.run("pod", "ps").out().contains("Running"));
        hostPortServesThePageToTheHost();
        // the restarted sidecar joined the new infra's namespaces: the server is on its loopback
        // again
        Jpod.Result fetched =
                jpod.run("exec", "web-client", "wget", "-qO-", "http://127.0.0.1:8080/");
        assertTrue(fetched.out().contains("Hello from jpod"), fetched.all());
        assertEquals(
                "web\n",
                jpod.run("exec", "web-client", "hostname").out(),
                "UTS namespace of the new infra");
    }

    @Test
    @Order(7)
    void kubeDownLeavesNothingBehind() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("web-server", "web-client", "web-infra")) {
            JsonNode doc = JSON.readTree(jpod.run("inspect", name).out()).get(0);
            pids.add(doc.at("/State/Pid").asLong());
            pids.add(doc.at("/State/ConmonPid").asLong());
        }
        String podId =
                JSON.readTree(jpod.run("pod", "inspect", "web").out()).get(0).get("Id").asText();
        Jpod.Result down = jpod.run("kube", "down", manifest);
        assertEquals(0, down.exitCode(), down.all());
        assertTrue(down.out().contains(podId));
        for (long pid : pids) {
            assertFalse(Processes.running(pid), "process " + pid + " survived kube down");
        }
        assertFalse(
                Processes.anyCommandLineContains(podId),
                "a helper of pod " + podId + " survived kube down");
        long pause =
                Long.parseLong(
                        Files.readString(jpod.runDir().resolve("pause.pid")).strip().split(" ")[0]);
        String mounts = Files.readString(Path.of("/proc", Long.toString(pause), "mountinfo"));
        assertFalse(mounts.contains(jpod.dataDir().toString()), "mounts left:\n" + mounts);
        try (var netns = Files.list(jpod.runDir().resolve("netns"))) {
            assertEquals(0, netns.count(), "netns files left");
        }
        assertRefused(18080);
        assertEquals("", jpod.run("pod", "ps", "-q").out());
    }

    private static void assertRefused(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            throw new AssertionError("port " + port + " still accepts connections");
        } catch (ConnectException expected) {
            // nothing listens
        }
    }
}
