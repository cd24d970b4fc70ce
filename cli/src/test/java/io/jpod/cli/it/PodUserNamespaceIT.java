package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * hostUsers: false gives the pod a user namespace of its own, mapped from the user's subordinate
 * ids: container root is a subordinate id on the host, never the user, and owns what it writes.
 */
class PodUserNamespaceIT {

    @Test
    void podHasAUserNamespaceOfItsOwnSharedByItsContainers() throws Exception {
        Jpod jpod = Jpod.get();
        SharedDir shared = SharedDir.of(jpod, "own-users.yaml");
        // the pod's root is not the user: it writes here only because anyone may
        Jpod.Result opened = jpod.script(List.of("chmod", "777", shared.dir().toString()));
        assertEquals(0, opened.exitCode(), opened.all());
        String manifest = shared.manifest().toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertFalse(
                    played.err().contains("hostUsers"), "honoured, not noticed: " + played.err());

            // jpod's own namespace is its pause process's
            Path pause = Path.of("/proc", pausePid(jpod));
            String jpodsMap = oneLine(Files.readString(pause.resolve("uid_map")));
            assertNotEquals("0 1 65536", jpodsMap);
            for (String c : List.of("ownusers-web", "ownusers-side")) {
                assertEquals(
                        "0 1 65536",
                        oneLine(exec(jpod, c, "cat", "/proc/self/uid_map")),
                        c + " sees the pod's mapping, not jpod's (" + jpodsMap + ")");
                assertEquals("0 1 65536", oneLine(exec(jpod, c, "cat", "/proc/self/gid_map")));
            }
            assertEquals(
                    exec(jpod, "ownusers-web", "readlink", "/proc/self/ns/user"),
                    exec(jpod, "ownusers-side", "readlink", "/proc/self/ns/user"),
                    "both containers are in the infra's user namespace");
            assertNotEquals(
                    Files.readSymbolicLink(pause.resolve("ns/user")).toString(),
                    exec(jpod, "ownusers-web", "readlink", "/proc/self/ns/user"));

            // the image's files and what the container's root writes are root's inside
            String made = shared.await("from-web", "web");
            assertEquals("web\n", made);
            assertEquals("0:0", exec(jpod, "ownusers-web", "stat", "-c", "%u:%g", "/made-by-root"));
            assertEquals("0:0", exec(jpod, "ownusers-web", "stat", "-c", "%u:%g", "/bin/busybox"));
            assertEquals("0:0", exec(jpod, "ownusers-web", "stat", "-c", "%u:%g", "/"));
            assertEquals(
                    "0:0 web",
                    exec(
                            jpod,
                            "ownusers-side",
                            "sh",
                            "-c",
                            "echo $(stat -c %u:%g /scratch/from-web) $(cat /scratch/from-web)"));

            // on the host, the pod's root is the first subordinate id
            long subuid = firstSubordinate("/etc/subuid", jpod.user());
            long subgid = firstSubordinate("/etc/subgid", jpod.user());
            Path file = shared.dir().resolve("from-web");
            assertEquals(
                    subuid,
                    ((Number) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                            .longValue());
            assertEquals(
                    subgid,
                    ((Number) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS))
                            .longValue());

            assertTrue(get("http://127.0.0.1:18097/").contains("Hello from jpod"));

            Jpod.Result inspected = jpod.run("inspect", "ownusers-web");
            assertEquals(0, inspected.exitCode(), inspected.all());
            assertTrue(
                    inspected
                            .out()
                            .replaceAll("\\s", "")
                            .contains(
                                    "\"IDMappings\":{\"UidMap\":[\"0:1:65536\"],\"GidMap\":[\"0:1:65536\"]}"),
                    inspected.out());

            // a new infra after a stop makes new namespaces: joined and connected again
            Jpod.Result stopped = jpod.run("pod", "stop", "ownusers");
            assertEquals(0, stopped.exitCode(), stopped.all());
            Jpod.Result started = jpod.run("pod", "start", "ownusers");
            assertEquals(0, started.exitCode(), started.all());
            assertEquals(
                    exec(jpod, "ownusers-web", "readlink", "/proc/self/ns/user"),
                    exec(jpod, "ownusers-side", "readlink", "/proc/self/ns/user"));
            assertEquals(
                    "0 1 65536", oneLine(exec(jpod, "ownusers-side", "cat", "/proc/self/uid_map")));
            assertTrue(get("http://127.0.0.1:18097/").contains("Hello from jpod"));

            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
            Jpod.Result ps = jpod.run("ps", "-a");
            assertFalse(ps.out().contains("ownusers"), ps.out());
            assertTrue(
                    listing(jpod.runDir().resolve("netns")).isEmpty(),
                    "no network namespace file left");
        } finally {
            jpod.run("pod", "rm", "-f", "ownusers");
        }
    }

    @Test
    void userNamespaceAutoGivesAPlainPodItsOwn() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/quick.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", "--userns=auto", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertEquals(
                    "0 1 65536", oneLine(exec(jpod, "quick-app", "cat", "/proc/self/uid_map")));
            assertTrue(
                    jpod.run("inspect", "quick-app")
                            .out()
                            .replaceAll("\\s", "")
                            .contains("\"UidMap\":[\"0:1:65536\"]"),
                    "inspect shows the pod's mapping");
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    private static String exec(Jpod jpod, String container, String... argv) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("exec", container));
        args.addAll(List.of(argv));
        Jpod.Result r = jpod.run(args, null);
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.all());
        return r.out().strip();
    }

    private static String pausePid(Jpod jpod) throws IOException {
        return Files.readString(jpod.runDir().resolve("pause.pid")).strip().split("\\s+")[0];
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static long firstSubordinate(String file, String user) throws IOException {
        for (String line : Files.readAllLines(Path.of(file))) {
            String[] f = line.split(":");
            if (f.length == 3 && f[0].equals(user)) {
                return Long.parseLong(f[1]);
            }
        }
        throw new IllegalStateException(user + " has no range in " + file);
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The forward is set up before play returns; httpd may take a moment to listen. */
    private static String get(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        IOException last = null;
        for (int i = 0; i < 100; i++) {
            try {
                return client.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        throw last;
    }
}
