package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Probes run by jpod's prober, a detached process of the user's that no daemon supervises: the
 * kubelet's semantics, what inspect, ps and pod ps show, wait and play --wait-ready, and the
 * prober's own life (it leaves with the last probed pod and the next command brings it back after a
 * kill). The busybox image has no curl: httpGet and tcpSocket are made by jpod itself.
 */
class ProbesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void cleanUp() throws Exception {
        Jpod jpod = Jpod.get();
        jpod.run("pod", "rm", "-f", "-a");
        // no prober may outlive the tests: it leaves once no pod has probes
        assertTrue(
                poll(() -> proberPid(jpod).isEmpty(), 60),
                "the prober did not leave: " + log(jpod));
    }

    @Test
    void httpGetAndTcpSocketReadinessThenWaitForReady() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/probes-ready.yaml").toString();
        Jpod.Result play = jpod.run("play", "kube", manifest);
        assertEquals(0, play.exitCode(), play.all());
        // the web server sleeps 3 s first
        Jpod.Result early = jpod.run("pod", "ps", "--format", "{{.Name}} {{.Ready}}");
        assertNotEquals("probeweb 2/2", early.out().strip(), early.all());

        Jpod.Result waited =
                jpod.run("wait", "--for=condition=Ready", "pod/probeweb", "--timeout=90s");
        assertEquals(0, waited.exitCode(), waited.all() + log(jpod));
        assertEquals("pod/probeweb condition met", waited.out().strip());

        assertEquals(
                "probeweb 2/2",
                jpod.run("pod", "ps", "--format", "{{.Name}} {{.Ready}}").out().strip());
        String table = jpod.run("pod", "ps").out();
        assertTrue(table.lines().findFirst().orElseThrow().contains("READY"), table);
        String ps = jpod.run("ps", "--format", "{{.Names}} {{.Status}}").out();
        assertTrue(ps.matches("(?s).*probeweb-web Up .*\\(healthy\\).*"), ps);
        assertTrue(ps.matches("(?s).*probeweb-tcp Up .*\\(healthy\\).*"), ps);
        assertTrue(ps.matches("(?s).*probeweb-infra Up [^(]*\n.*"), "no health: " + ps);
        assertEquals(
                "probeweb-tcp\nprobeweb-web",
                jpod.run("ps", "--filter", "health=healthy", "--format", "{{.Names}}")
                        .out()
                        .lines()
                        .sorted()
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse(""));
        assertEquals(
                "probeweb-infra",
                jpod.run("ps", "--filter", "health=none", "--format", "{{.Names}}").out().strip());

        JsonNode web = inspect(jpod, "probeweb-web");
        assertEquals("healthy", web.at("/State/Health/Status").asText(), web.toString());
        assertEquals(0, web.at("/State/Health/FailingStreak").asInt());
        assertTrue(web.at("/State/Ready").asBoolean());
        JsonNode last = web.at("/State/Health/Log").get(web.at("/State/Health/Log").size() - 1);
        assertEquals(0, last.get("ExitCode").asInt());
        assertEquals(
                "readiness probe: HTTP probe succeeded with statuscode: 200",
                last.get("Output").asText());
        Instant.parse(last.get("Start").asText());
        Instant.parse(last.get("End").asText());

        Jpod.Result missing =
                jpod.run("wait", "--for=condition=Ready", "pod/nosuchpod", "--timeout=1s");
        assertEquals(1, missing.exitCode(), "kubectl's exit code on a timeout: " + missing.all());
        assertTrue(missing.err().contains("timed out waiting for the condition"), missing.all());

        Jpod.Result down = jpod.run("kube", "down", manifest);
        assertEquals(0, down.exitCode(), down.all());
        Jpod.Result deleted = jpod.run("wait", "--for=delete", "pod/probeweb", "--timeout=30s");
        assertEquals(0, deleted.exitCode(), deleted.all());
    }

    @Test
    void playWaitReadyReturnsReadyOrFailsNamingTheProbe() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result play =
                jpod.run(
                        "play",
                        "kube",
                        "--wait-ready=90s",
                        jpod.stage().resolve("it/probes-ready.yaml").toString());
        assertEquals(0, play.exitCode(), play.all() + log(jpod));
        assertEquals(
                "probeweb 2/2",
                jpod.run("pod", "ps", "--format", "{{.Name}} {{.Ready}}").out().strip());

        Jpod.Result never =
                jpod.run(
                        "play",
                        "kube",
                        "--wait-ready=3s",
                        jpod.stage().resolve("it/probes-never.yaml").toString());
        assertEquals(125, never.exitCode(), never.all());
        assertTrue(
                never.err()
                        .contains(
                                "pod probenever is not Ready after 3s: container probenever-app:"),
                never.all());
        assertTrue(never.err().contains("readiness probe exec [false]"), never.all());
        // unhealthy after failureThreshold (3) failures: on a loaded machine the prober may have
        // made fewer than three in the wait's 3 s, so wait for the third rather than assume it
        JsonNode app = inspect(jpod, "probenever-app");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!app.at("/State/Health/Status").asText().equals("unhealthy")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            app = inspect(jpod, "probenever-app");
        }
        assertEquals("unhealthy", app.at("/State/Health/Status").asText(), app.toString());
        assertEquals(0, app.get("RestartCount").asInt(), "readiness never restarts");
        assertTrue(app.at("/State/Running").asBoolean());
    }

    @Test
    void aFailingExecLivenessProbeRestartsTheContainer() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result play =
                jpod.run(
                        "play", "kube", jpod.stage().resolve("it/probes-liveness.yaml").toString());
        assertEquals(0, play.exitCode(), play.all());
        assertTrue(
                poll(() -> "healthy".equals(health(jpod, "probelive-app")), 60),
                "healthy first: " + log(jpod));
        assertEquals(0, jpod.run("exec", "probelive-app", "rm", "/tmp/ok").exitCode());
        assertTrue(
                poll(() -> inspect(jpod, "probelive-app").get("RestartCount").asInt() == 1, 60),
                inspect(jpod, "probelive-app").toString() + log(jpod));
        assertTrue(log(jpod).contains("probelive-app: liveness probe failed 2 times"), log(jpod));
        // the new run made the file again: healthy, and not restarted again
        assertTrue(
                poll(() -> "healthy".equals(health(jpod, "probelive-app")), 60),
                inspect(jpod, "probelive-app").toString());
        JsonNode app = inspect(jpod, "probelive-app");
        assertTrue(app.at("/State/Running").asBoolean());
        assertEquals(1, app.get("RestartCount").asInt());
    }

    @Test
    void aStartupProbeHoldsLivenessBack() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result play =
                jpod.run("play", "kube", jpod.stage().resolve("it/probes-startup.yaml").toString());
        assertEquals(0, play.exitCode(), play.all());
        String ps =
                jpod.run("ps", "--filter", "pod=probestart", "--format", "{{.Names}} {{.Status}}")
                        .out();
        assertTrue(ps.contains("probestart-app Up ") && ps.contains("(starting)"), ps);
        Jpod.Result waited =
                jpod.run("wait", "--for=condition=Ready", "pod/probestart", "--timeout=90s");
        assertEquals(0, waited.exitCode(), waited.all() + log(jpod));
        // liveness (failure threshold 1) has run a few times since
        Thread.sleep(3000);
        JsonNode app = inspect(jpod, "probestart-app");
        assertEquals(0, app.get("RestartCount").asInt(), app.toString() + log(jpod));
        assertEquals("healthy", app.at("/State/Health/Status").asText());
        assertTrue(
                app.at("/State/Health/Log").toString().contains("liveness probe"), app.toString());
    }

    @Test
    void theProberLeavesWithTheLastProbedPodAndComesBackAfterAKill() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/probes-liveness.yaml").toString();
        assertEquals(0, jpod.run("play", "kube", manifest).exitCode());
        assertTrue(poll(() -> proberPid(jpod).isPresent(), 60), "no prober started");
        long first = proberPid(jpod).orElseThrow();
        String cmdline = Files.readString(Path.of("/proc", Long.toString(first), "cmdline"));
        assertTrue(cmdline.contains("-Xint"), "the prober's small-footprint JVM flags: " + cmdline);
        String stat = Files.readString(Path.of("/proc", Long.toString(first), "stat"));
        assertEquals(
                Long.toString(first),
                stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3],
                "detached: a session of its own");

        new ProcessBuilder("kill", "-9", Long.toString(first)).start().waitFor();
        assertTrue(poll(() -> !alive(first), 30), "kill -9 did not end the prober");
        Instant killed = Instant.now();
        // the next command that looks at pods brings it back, and it picks the pod up again
        assertEquals(0, jpod.run("pod", "ps").exitCode());
        assertTrue(
                poll(() -> proberPid(jpod).filter(p -> p != first && alive(p)).isPresent(), 60),
                "no new prober: " + log(jpod));
        assertTrue(
                poll(() -> lastProbe(jpod, "probelive-app").isAfter(killed), 60),
                "no probe ran after the kill: " + inspect(jpod, "probelive-app"));

        // a stopped pod is not Ready and needs no prober; pod start brings both back
        assertEquals(0, jpod.run("pod", "stop", "probelive").exitCode());
        assertTrue(poll(() -> proberPid(jpod).isEmpty(), 60), "the prober stayed: " + log(jpod));
        assertTrue(!inspect(jpod, "probelive-app").at("/State/Ready").asBoolean());
        assertEquals(0, jpod.run("pod", "start", "probelive").exitCode());
        assertTrue(poll(() -> proberPid(jpod).isPresent(), 60), "no prober after pod start");
        assertTrue(
                poll(() -> "healthy".equals(health(jpod, "probelive-app")), 60),
                inspect(jpod, "probelive-app").toString());

        assertEquals(0, jpod.run("kube", "down", manifest).exitCode());
        assertTrue(poll(() -> proberPid(jpod).isEmpty(), 60), "the prober stayed: " + log(jpod));
    }

    private static Instant lastProbe(Jpod jpod, String container) throws Exception {
        JsonNode log = inspect(jpod, container).at("/State/Health/Log");
        return log.isArray() && !log.isEmpty()
                ? Instant.parse(log.get(log.size() - 1).get("Start").asText())
                : Instant.EPOCH;
    }

    private static String health(Jpod jpod, String container) throws Exception {
        return inspect(jpod, container).at("/State/Health/Status").asText();
    }

    private static JsonNode inspect(Jpod jpod, String name) throws Exception {
        return JSON.readTree(jpod.run("inspect", name).out()).get(0);
    }

    @Test
    void betweenRoundsOnlyTheShellStaysAndFailuresCountAcrossRounds() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/probes-rounds.yaml").toString();
        Jpod.Result play =
                jpod.runWithEnv(
                        java.util.Map.of("JPOD_BACKOFF_BASE", "1s"), "play", "kube", manifest);
        assertEquals(0, play.exitCode(), play.all());
        assertTrue(poll(() -> proberPid(jpod).isPresent(), 60), "no prober started");
        long shell = proberPid(jpod).orElseThrow();
        // the period is 12 s: after a round's JVM has probed, it leaves the waiting to the shell
        assertTrue(
                poll(() -> alive(shell) && !sessionRunsJava(shell), 60),
                "the round's JVM stayed: " + log(jpod));
        // the first failure was counted by one round, the second by a later one: only their sum
        // reaches failureThreshold 2
        assertTrue(
                poll(() -> inspect(jpod, "proberounds-app").get("RestartCount").asInt() >= 1, 90),
                inspect(jpod, "proberounds-app").toString() + log(jpod));
        assertTrue(log(jpod).contains("proberounds-app: liveness probe failed 2 times"), log(jpod));
        assertEquals(Optional.of(shell), proberPid(jpod), "one shell all along");
    }

    /** Whether a java process runs in the session the prober's shell leads. */
    private static boolean sessionRunsJava(long session) throws IOException {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .anyMatch(
                            p -> {
                                try {
                                    String stat = Files.readString(p.resolve("stat"));
                                    String comm =
                                            stat.substring(
                                                    stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                                    String[] f =
                                            stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                                    return comm.equals("java")
                                            && f[3].equals(Long.toString(session));
                                } catch (IOException | RuntimeException gone) {
                                    return false;
                                }
                            });
        }
    }

    /** The running prober's pid, from its pid file, if it lives. */
    private static Optional<Long> proberPid(Jpod jpod) throws IOException {
        Path file = jpod.runDir().resolve("prober.pid");
        try {
            long pid = Long.parseLong(Files.readString(file).strip().split(" ")[0]);
            return alive(pid) ? Optional.of(pid) : Optional.empty();
        } catch (java.nio.file.NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String log(Jpod jpod) {
        try {
            return "\nprober log:\n" + Files.readString(jpod.runDir().resolve("prober.log"));
        } catch (IOException e) {
            return "\n(no prober log)";
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls every 200 ms up to {@code seconds}: timings are upper bounds only. */
    private static boolean poll(Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return true;
            }
            Thread.sleep(200);
        }
        return check.ok();
    }
}
