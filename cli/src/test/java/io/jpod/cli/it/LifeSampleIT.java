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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The showcase sample, samples/life.yaml, played rootless as the README shows it: it reaches Ready,
 * and its page proves each part (ConfigMap file, Secret, claim prepared by an init container,
 * native sidecar, non-root user); probes show in ps and pod ps; kube down leaves nothing but the
 * claim's volume, which a second play finds again and {@code --force} removes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifeSampleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = 18086;
    private static final String PASSWORD = "open-sesame";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern TICK = Pattern.compile("refresher wrote \"tick (\\d+) at ");
    private static Jpod jpod;
    private static String manifest;

    @BeforeAll
    static void play() throws Exception {
        jpod = Jpod.get();
        manifest = jpod.stage().resolve("samples/life.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", "--wait-ready=60s", manifest);
        assertEquals(0, played.exitCode(), played.all());
    }

    @AfterAll
    static void down() throws Exception {
        jpod.run("kube", "down", "--force", manifest);
    }

    @Test
    @Order(1)
    void thePageShowsWhatEachPartGaveTheServer() throws Exception {
        String page = get("/", null).body();
        for (String expected :
                List.of(
                        "served by uid=1000 gid=1000 groups=1000\n",
                        "config:  greeting=Hello from a ConfigMap  (ConfigMap life-config",
                        "secret:  password read from Secret life-secret",
                        "data:    prepared by init container prepare at 20",
                        "plays of this claim: 1  (PVC life-data, /data)",
                        "sidecar: refresher wrote \"tick ")) {
            assertTrue(page.contains(expected), "missing `" + expected + "` in:\n" + page);
        }
        assertFalse(page.contains(PASSWORD), "the page shows the secret:\n" + page);
    }

    @Test
    @Order(2)
    void theSidecarKeepsRefreshingBesideTheServer() throws Exception {
        int first = tick(get("/", null).body());
        long until = System.nanoTime() + DEADLINE.toNanos();
        int now = first;
        while (now <= first && System.nanoTime() < until) {
            Thread.sleep(500);
            now = tick(get("/", null).body());
        }
        assertTrue(now > first, "the sidecar wrote nothing new after tick " + first);
    }

    @Test
    @Order(3)
    void theSecretsPasswordGuardsTheAdminPage() throws Exception {
        assertEquals(401, get("/cgi-bin/admin.cgi", null).statusCode());
        assertEquals(401, get("/cgi-bin/admin.cgi", "admin:wrong").statusCode());
        HttpResponse<String> admin = get("/cgi-bin/admin.cgi", "admin:" + PASSWORD);
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("welcome, admin"), admin.body());
    }

    @Test
    @Order(4)
    void podPsAndPsShowTheProbes() throws Exception {
        String ready = "";
        String ps = "";
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < until) {
            ready = jpod.run("pod", "ps", "--format", "{{.Name}} {{.Ready}}").out().strip();
            ps = jpod.run("ps", "--format", "{{.Names}} {{.Status}}").out();
            if (ready.equals("life 2/2")
                    && ps.matches("(?s).*life-web Up [^\n]*\\(healthy\\)\n.*")
                    && ps.matches("(?s).*life-refresher Up [^\n]*\\(healthy\\)\n.*")) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("life 2/2", ready, "the server and its sidecar");
        assertTrue(ps.matches("(?s).*life-web Up [^\n]*\\(healthy\\)\n.*"), ps);
        assertTrue(
                ps.matches("(?s).*life-refresher Up [^\n]*\\(healthy\\)\n.*"),
                "the sidecar runs, past its startup probe: " + ps);
        assertFalse(ps.contains("life-prepare"), "the init container is done: " + ps);
        JsonNode web = JSON.readTree(jpod.run("inspect", "life-web").out()).get(0);
        assertEquals("healthy", web.at("/State/Health/Status").asText(), web.toString());
        assertTrue(web.at("/State/Ready").asBoolean(), web.toString());
        assertEquals(0, web.get("RestartCount").asInt(), "liveness never failed");
    }

    @Test
    @Order(5)
    void kubeDownKeepsOnlyTheClaimWhichTheNextPlayFindsAgain() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String name : List.of("life-web", "life-refresher", "life-infra")) {
            JsonNode doc = JSON.readTree(jpod.run("inspect", name).out()).get(0);
            pids.add(doc.at("/State/Pid").asLong());
            pids.add(doc.at("/State/ConmonPid").asLong());
        }
        String podId =
                JSON.readTree(jpod.run("pod", "inspect", "life").out()).get(0).get("Id").asText();
        Jpod.Result down = jpod.run("kube", "down", manifest);
        assertEquals(0, down.exitCode(), down.all());
        assertTrue(down.out().contains("Pods removed:\n" + podId), down.out());
        assertFalse(down.out().contains("Volume removed"), down.out());
        for (long pid : pids) {
            assertFalse(Processes.running(pid), "process " + pid + " survived kube down");
        }
        assertFalse(
                Processes.anyCommandLineContains(podId),
                "a helper of pod " + podId + " survived kube down");
        assertFalse(
                jpod.run("pod", "ps", "--format", "{{.Name}}")
                        .out()
                        .lines()
                        .toList()
                        .contains("life"),
                "pod left");
        assertEquals(List.of(), lifeContainers());
        assertRefused(PORT);
        assertTrue(volumes().contains("life-data"), "the claim stays: " + volumes());

        Jpod.Result again = jpod.run("play", "kube", "--wait-ready=60s", manifest);
        assertEquals(0, again.exitCode(), again.all());
        String page = get("/", null).body();
        assertTrue(page.contains("plays of this claim: 2"), page);

        Jpod.Result forced = jpod.run("kube", "down", "--force", manifest);
        assertEquals(0, forced.exitCode(), forced.all());
        assertTrue(forced.out().contains("Volume removed: life-data"), forced.out());
        assertFalse(volumes().contains("life-data"), volumes().toString());
        assertEquals(List.of(), lifeContainers());
        assertRefused(PORT);
    }

    /** The sample's containers, running or not (other tests' pods may share the store). */
    private static List<String> lifeContainers() throws Exception {
        return jpod.run("ps", "-a", "--format", "{{.Names}}")
                .out()
                .lines()
                .filter(n -> n.startsWith("life-"))
                .toList();
    }

    private static List<String> volumes() throws Exception {
        return jpod.run("volume", "ls", "--format", "{{.Name}}").out().lines().toList();
    }

    private static int tick(String page) {
        Matcher m = TICK.matcher(page);
        assertTrue(m.find(), page);
        return Integer.parseInt(m.group(1));
    }

    /**
     * GET on the hostPort, as {@code user:password} when not null; Ready means it answers, but the
     * forwarder may lag a moment behind a loaded machine, so a refused connection is retried.
     */
    private static HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                        .timeout(Duration.ofSeconds(10));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        long until = System.nanoTime() + DEADLINE.toNanos();
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (true) {
                try {
                    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException e) {
                    if (System.nanoTime() > until) {
                        throw e;
                    }
                    Thread.sleep(250);
                }
            }
        }
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
