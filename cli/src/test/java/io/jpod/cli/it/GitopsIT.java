package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The GitOps loop on real pods: re-applying a changed manifest replaces only what changed, {@code
 * kube diff} predicts it, {@code --prune} and {@code kube down} remove exactly what a source made,
 * and play's podman flags (--start=false, --wait, --configmap, URLs, --watch).
 */
class GitopsIT {

    private static final String IMAGE = "localhost/jpod-busybox:latest";

    private Jpod jpod;
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        jpod = Jpod.get();
        dir = jpod.stage().resolve("gitops-" + System.nanoTime());
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() throws Exception {
        jpod.run("pod", "rm", "-f", "-a");
    }

    private static String pod(String name, String command) {
        return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
        spec:
          terminationGracePeriodSeconds: 1
          containers:
            - name: app
              image: %s
              command: ["sh", "-c", "%s"]
        """
                .formatted(name, IMAGE, command);
    }

    /** Written beside and renamed over, as an editor saves, so a watch never reads half a file. */
    private Path write(String name, String... documents) throws IOException {
        Path file = dir.resolve(name);
        Path next = dir.resolve("." + name + ".tmp");
        Files.writeString(next, String.join("---\n", documents));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private String pid(String container) throws Exception {
        Jpod.Result r = jpod.run("inspect", "-f", "{{.State.Pid}}", container);
        assertEquals(0, r.exitCode(), r.all());
        return r.out().strip();
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void reapplyReplacesOnlyTheChangedPodAsDiffPredicted() throws Exception {
        Path file =
                write(
                        "two.yaml",
                        pod("keep", "sleep 1000"),
                        pod("change", "sleep 1000"),
                        pod("drop", "sleep 1000"));
        Jpod.Result played = jpod.run("play", "kube", file.toString());
        assertEquals(0, played.exitCode(), played.all());
        assertTrue(played.out().startsWith("Pod:\n"), "a first play prints as podman's");
        String keepPid = pid("keep-app");
        String changePid = pid("change-app");

        Jpod.Result same = jpod.run("kube", "diff", file.toString());
        assertEquals(0, same.exitCode(), same.all());

        write("two.yaml", pod("keep", "sleep 1000"), pod("change", "sleep 2000"));
        Jpod.Result diff = jpod.run("kube", "diff", "--prune", file.toString());
        assertEquals(1, diff.exitCode(), diff.all());
        assertTrue(diff.out().contains("pod/keep unchanged\n"), diff.out());
        assertTrue(diff.out().contains("pod/change replaced\n"), diff.out());
        assertTrue(diff.out().contains("pod/drop removed\n"), diff.out());
        assertTrue(
                diff.out().contains("\n-    \"argv\" : [ \"sh\", \"-c\", \"sleep 1000\" ],\n"),
                diff.out());
        assertTrue(
                diff.out().contains("\n+    \"argv\" : [ \"sh\", \"-c\", \"sleep 2000\" ],\n"),
                diff.out());

        Jpod.Result replaced = jpod.run("play", "kube", "--replace", file.toString());
        assertEquals(0, replaced.exitCode(), replaced.all());
        assertEquals("pod/keep unchanged\npod/change replaced\n", replaced.out());
        assertEquals(keepPid, pid("keep-app"), "the unchanged pod keeps its process");
        assertNotEquals(changePid, pid("change-app"), "the changed pod runs anew");
        assertEquals(0, jpod.run("inspect", "drop-app").exitCode(), "no --prune, no removal");

        Jpod.Result pruned = jpod.run("play", "kube", "--replace", "--prune", file.toString());
        assertEquals(0, pruned.exitCode(), pruned.all());
        assertEquals("pod/keep unchanged\npod/change unchanged\npod/drop removed\n", pruned.out());
        assertEquals(keepPid, pid("keep-app"));
        assertTrue(jpod.run("inspect", "drop-app").exitCode() != 0, "pruned");
        assertEquals(0, jpod.run("kube", "diff", "--prune", file.toString()).exitCode());

        // down by source: a pod of the same name played from another file is not this source's
        Path other = write("other.yaml", pod("elsewhere", "sleep 1000"));
        assertEquals(0, jpod.run("play", "kube", other.toString()).exitCode());
        Jpod.Result down = jpod.run("kube", "down", file.toString());
        assertEquals(0, down.exitCode(), down.all());
        assertTrue(down.out().startsWith("Pods stopped:\n"), down.out());
        assertEquals("elsewhere\n", jpod.run("pod", "ps", "--format", "{{.Name}}").out());
        Jpod.Result again = jpod.run("kube", "down", file.toString());
        assertEquals(0, again.exitCode(), again.all());
        assertEquals("", again.out());
        assertTrue(again.err().contains("no pods of"), again.err());
    }

    @Test
    void downKeepsClaimedVolumesUnlessForced() throws Exception {
        String manifest = jpod.stage().resolve("it/claim.yaml").toString();
        assertEquals(0, jpod.run("play", "kube", manifest).exitCode());
        assertEquals(0, jpod.run("kube", "down", manifest).exitCode());
        assertTrue(jpod.run("volume", "ls", "-q").out().contains("counter-data"));
        assertEquals(0, jpod.run("play", "kube", manifest).exitCode());
        Jpod.Result forced = jpod.run("kube", "down", "--force", manifest);
        assertEquals(0, forced.exitCode(), forced.all());
        assertTrue(forced.out().contains("Volume removed: counter-data"), forced.out());
        assertEquals("", jpod.run("volume", "ls", "-q").out());
    }

    @Test
    void configMapEditUpdatesTheMountedFileInPlace() throws Exception {
        String configMap =
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  greeting: %s
                """;
        String pod =
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: cmpod
                spec:
                  terminationGracePeriodSeconds: 1
                  containers:
                    - name: app
                      image: %s
                      command: ["sleep", "1000"]
                      volumeMounts:
                        - name: cfg
                          mountPath: /cfg
                  volumes:
                    - name: cfg
                      configMap:
                        name: settings
                """
                        .formatted(IMAGE);
        Path file = write("cm.yaml", configMap.formatted("hello"), pod);
        assertEquals(0, jpod.run("play", "kube", file.toString()).exitCode());
        String before = pid("cmpod-app");
        assertEquals("hello", jpod.run("exec", "cmpod-app", "cat", "/cfg/greeting").out());

        write("cm.yaml", configMap.formatted("bonjour"), pod);
        Jpod.Result diff = jpod.run("kube", "diff", file.toString());
        assertEquals(1, diff.exitCode(), diff.all());
        assertTrue(diff.out().contains("pod/cmpod updated"), diff.out());
        Jpod.Result updated = jpod.run("play", "kube", "--replace", file.toString());
        assertEquals(0, updated.exitCode(), updated.all());
        assertEquals("pod/cmpod updated\n", updated.out());
        assertEquals("bonjour", jpod.run("exec", "cmpod-app", "cat", "/cfg/greeting").out());
        assertEquals(before, pid("cmpod-app"), "the pod is not replaced");
    }

    @Test
    void startFalseCreatesWithoutRunningAndPodStartRuns() throws Exception {
        Path file = write("idle.yaml", pod("idle", "echo started > /tmp/mark; sleep 4321"));
        Jpod.Result played = jpod.run("play", "kube", "--start=false", file.toString());
        assertEquals(0, played.exitCode(), played.all());
        assertEquals("created\n", jpod.run("inspect", "-f", "{{.State.Status}}", "idle-app").out());
        assertEquals("0\n", jpod.run("inspect", "-f", "{{.State.Pid}}", "idle-app").out());
        Jpod.Result ps = jpod.script(List.of("pgrep", "-u", jpod.user(), "-f", "sleep 4321"));
        assertTrue(ps.out().isBlank(), "no workload process: " + ps.out());

        Jpod.Result started = jpod.run("pod", "start", "idle");
        assertEquals(0, started.exitCode(), started.all());
        assertEquals("running\n", jpod.run("inspect", "-f", "{{.State.Status}}", "idle-app").out());
        await(
                "the workload to run",
                () -> {
                    try {
                        return jpod.run("exec", "idle-app", "cat", "/tmp/mark")
                                .out()
                                .equals("started\n");
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    @Test
    void noHostsKeepsTheImagesHostsFile() throws Exception {
        Path file = write("hosts.yaml", pod("hosts", "sleep 1000"));
        Jpod.Result played =
                jpod.run("play", "kube", "--no-hosts", "--annotation", "team=a", file.toString());
        assertEquals(0, played.exitCode(), played.all());
        String hosts = jpod.run("exec", "hosts-app", "cat", "/etc/hosts").out();
        assertTrue(!hosts.contains("hosts"), "not the pod's /etc/hosts: " + hosts);
        String yaml = jpod.run("generate", "kube", "hosts").out();
        assertTrue(yaml.contains("team: a"), "--annotation reaches the pod: " + yaml);
        Jpod.Result refused = jpod.run("play", "kube", "--userns=keep-id", file.toString());
        assertEquals(125, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("--userns keep-id is not supported"), refused.err());
    }

    @Test
    void waitReturnsThePodsExitCodeAndRemovesThem() throws Exception {
        String job =
                pod("job", "exit 3")
                        .replace("terminationGracePeriodSeconds: 1", "restartPolicy: Never");
        Path file = write("job.yaml", job);
        Jpod.Result waited = jpod.run("play", "kube", "--wait", file.toString());
        assertEquals(3, waited.exitCode(), waited.all());
        assertEquals("", jpod.run("pod", "ps", "-q").out(), "torn down after the exit");
    }

    @Test
    void waitTearsDownOnSigterm() throws Exception {
        Path file = write("forever.yaml", pod("forever", "sleep 1000"));
        Path out = dir.resolve("wait.out");
        Path err = dir.resolve("wait.err");
        Process waiting =
                jpod.startLogged(List.of("play", "kube", "--wait", file.toString()), out, err);
        await(
                "the pod to run",
                () -> {
                    try {
                        return jpod.run("inspect", "-f", "{{.State.Status}}", "forever-app")
                                .out()
                                .equals("running\n");
                    } catch (Exception e) {
                        return false;
                    }
                });
        new ProcessBuilder("kill", "-TERM", "--", "-" + waiting.pid()).start().waitFor();
        assertTrue(waiting.waitFor(60, TimeUnit.SECONDS), "jpod exits after SIGTERM");
        assertEquals("", jpod.run("pod", "ps", "-q").out(), "torn down: " + read(err));
    }

    @Test
    void configMapFileGivesTwoConfigMaps() throws Exception {
        Path maps =
                write(
                        "maps.yaml",
                        """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: first
                        data:
                          value: one
                        """,
                        """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: second
                        data:
                          value: two
                        """);
        Path file =
                write(
                        "uses.yaml",
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: uses
                        spec:
                          terminationGracePeriodSeconds: 1
                          containers:
                            - name: app
                              image: %s
                              command: ["sleep", "1000"]
                              env:
                                - name: A
                                  valueFrom:
                                    configMapKeyRef: {name: first, key: value}
                                - name: B
                                  valueFrom:
                                    configMapKeyRef: {name: second, key: value}
                        """
                                .formatted(IMAGE));
        Jpod.Result without = jpod.run("play", "kube", file.toString());
        assertEquals(125, without.exitCode(), "the ConfigMaps are needed: " + without.all());
        Jpod.Result played =
                jpod.run("play", "kube", "--configmap", maps.toString(), file.toString());
        assertEquals(0, played.exitCode(), played.all());
        assertEquals("one two\n", jpod.run("exec", "uses-app", "sh", "-c", "echo $A $B").out());
    }

    @Test
    void manifestServedOverHttp() throws Exception {
        byte[] body = pod("served", "sleep 1000").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/pod.yaml",
                exchange -> {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Jpod.Result missing = jpod.run("play", "kube", base + "/nothing.yaml");
            assertEquals(125, missing.exitCode(), missing.all());
            assertTrue(
                    missing.err()
                            .contains(base + "/nothing.yaml: cannot fetch the manifest: HTTP 404"),
                    missing.err());
            Jpod.Result played = jpod.run("play", "kube", base + "/pod.yaml");
            assertEquals(0, played.exitCode(), played.all());
            assertEquals(
                    "pod/served unchanged\n",
                    jpod.run("play", "kube", "--replace", base + "/pod.yaml").out());
            Jpod.Result down = jpod.run("kube", "down", base + "/pod.yaml");
            assertEquals(0, down.exitCode(), down.all());
            assertEquals("", jpod.run("pod", "ps", "-q").out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void watchReappliesAnEditAndReportsABrokenOne() throws Exception {
        Path file = write("watched.yaml", pod("watched", "sleep 1000"));
        Path out = dir.resolve("watch.out");
        Path err = dir.resolve("watch.err");
        Process watch =
                jpod.startLogged(List.of("play", "kube", "--watch", file.toString()), out, err);
        try {
            await("the first apply", () -> read(out).contains("Watching"));
            assertTrue(read(out).contains("pod/watched created"), read(out) + read(err));
            String first = pid("watched-app");

            write("watched.yaml", pod("watched", "sleep 2000"));
            await("the edit applied", () -> read(out).contains("pod/watched replaced"));
            String second = pid("watched-app");
            assertNotEquals(first, second);

            write(
                    "watched.yaml",
                    pod("watched", "sleep 3000").replace("containers:", "containerz:"));
            await("the broken edit reported", () -> read(err).contains("Error: "));
            assertTrue(read(err).contains("watched.yaml"), "located: " + read(err));
            assertEquals(second, pid("watched-app"), "a broken edit changes nothing");
        } finally {
            new ProcessBuilder("kill", "-TERM", "--", "-" + watch.pid()).start().waitFor();
            assertTrue(watch.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(
                "running\n",
                jpod.run("inspect", "-f", "{{.State.Status}}", "watched-app").out(),
                "the pods outlive the watch");
    }

    @Test
    void watchMakesAgainAPodWhoseHostPathFileWasReplaced() throws Exception {
        Path page = write("page.txt", "first\n");
        Path file =
                write(
                        "mounts.yaml",
                        pod("mounts", "sleep 1000")
                                + "      volumeMounts: [{name: page, mountPath: /page.txt}]\n"
                                + "  volumes:\n"
                                + "    - name: page\n"
                                + "      hostPath: {path: %s, type: File}\n".formatted(page));
        Path out = dir.resolve("watch.out");
        Path err = dir.resolve("watch.err");
        Process watch =
                jpod.startLogged(List.of("play", "kube", "--watch", file.toString()), out, err);
        try {
            await("the first apply", () -> read(out).contains("Watching"));
            assertEquals("first\n", jpod.run("exec", "mounts-app", "cat", "/page.txt").out());

            Files.writeString(page, "edited\n");
            assertEquals(
                    "edited\n",
                    jpod.run("exec", "mounts-app", "cat", "/page.txt").out(),
                    "an edit in place shows through the bind mount");

            write("page.txt", "renamed\n"); // as an editor saves: a new file renamed over
            await(
                    "the pod made again",
                    () -> {
                        String o = read(out);
                        int removed = o.indexOf("pod/mounts removed: a hostPath file it mounts");
                        return removed >= 0 && o.indexOf("pod/mounts created", removed) > 0;
                    });
            assertEquals("renamed\n", jpod.run("exec", "mounts-app", "cat", "/page.txt").out());
        } finally {
            new ProcessBuilder("kill", "-TERM", "--", "-" + watch.pid()).start().waitFor();
            assertTrue(watch.waitFor(60, TimeUnit.SECONDS));
        }
    }
}
