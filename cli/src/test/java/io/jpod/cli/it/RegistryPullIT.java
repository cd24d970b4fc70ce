package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Pulls from a real registry (Debian's docker-registry on 127.0.0.1, images pushed by skopeo): by
 * tag, by digest, from a two-platform index, by {@code play kube}; a tampered blob and {@code
 * imagePullPolicy: Never} fail naming what.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryPullIT {

    private static Jpod jpod;
    private static Path work;
    private static TestRegistry registry;
    private static OciLayout.Image amd64;
    private static OciLayout.Image arm64;
    private static OciLayout.Image corrupt;
    private static OciLayout.Layer corruptLayer;

    @BeforeAll
    static void pushImages() throws Exception {
        jpod = Jpod.get();
        work =
                Files.createTempDirectory(
                        Path.of("/tmp"),
                        "jpod-registry-it-",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        registry = TestRegistry.start(Files.createDirectories(work.resolve("registry")), "");
        OciLayout layout = new OciLayout(work.resolve("layout"));
        OciLayout.Layer base = layout.layer(baseRootfs(work.resolve("base")));
        OciLayout.Layer top = layout.layer(topLayer(work.resolve("top")));
        List<String> cmd = List.of("sh", "-c", "echo hello");
        amd64 = layout.image("amd64", List.of(base, top), cmd);
        arm64 = layout.image("arm64", List.of(base, top), List.of("sh", "-c", "echo arm"));
        layout.tag("1", amd64);
        layout.tagIndex("multi", List.of(arm64, amd64));
        Path unique = Files.createDirectories(work.resolve("unique"));
        Files.writeString(unique.resolve("random"), UUID.randomUUID().toString());
        corruptLayer = layout.layer(unique);
        corrupt = layout.image("amd64", List.of(base, corruptLayer), cmd);
        layout.tag("corrupt", corrupt);
        registry.push(layout.dir(), "1", "it/busybox:1");
        registry.push(layout.dir(), "multi", "it/multi:1", "--all");
        registry.push(layout.dir(), "corrupt", "it/corrupt:1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        jpod.run("pod", "rm", "-a", "-f");
        if (work != null) {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** busybox with a few applets, and files the next layer deletes, hides and links. */
    private static Path baseRootfs(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("etc"));
        Files.copy(
                Path.of("/bin/busybox"),
                root.resolve("bin/busybox"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        for (String applet :
                List.of("sh", "cat", "ls", "echo", "readlink", "stat", "test", "sleep")) {
            Files.createSymbolicLink(root.resolve("bin/" + applet), Path.of("busybox"));
        }
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/old.txt"), "old\n");
        Files.writeString(root.resolve("data/gone.txt"), "gone\n");
        Files.createDirectories(root.resolve("opaque"));
        Files.writeString(root.resolve("opaque/hidden.txt"), "hidden\n");
        return root;
    }

    /** A whiteout, an opaque directory, a hard link and a symlink. */
    private static Path topLayer(Path root) throws IOException {
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/.wh.gone.txt"), "");
        Files.writeString(root.resolve("data/new.txt"), "new\n");
        Files.createLink(root.resolve("data/hard"), root.resolve("data/new.txt"));
        Files.createSymbolicLink(root.resolve("data/link"), Path.of("new.txt"));
        Files.createDirectories(root.resolve("opaque"));
        Files.writeString(root.resolve("opaque/.wh..wh..opq"), "");
        Files.writeString(root.resolve("opaque/shown.txt"), "shown\n");
        return root;
    }

    private static String hex(OciLayout.Blob blob) {
        return blob.digest().substring("sha256:".length());
    }

    @Test
    @Order(1)
    void pullByTagPrintsProgressAndTheImageId() throws Exception {
        Jpod.Result r =
                jpod.run("pull", "--tls-verify=false", registry.address() + "/it/busybox:1");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(hex(amd64.config()), r.out().strip());
        assertTrue(r.err().contains("Copying blob"), r.err());
        assertTrue(jpod.run("images").out().contains(registry.address() + "/it/busybox"));
    }

    @Test
    @Order(2)
    void pullByDigestQuietlyPrintsOnlyTheId() throws Exception {
        Jpod.Result r =
                jpod.run(
                        "pull",
                        "-q",
                        "--tls-verify=false",
                        registry.address() + "/it/busybox@" + amd64.manifest().digest());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(hex(amd64.config()) + "\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    @Order(3)
    void inspectAndImagesShowTheDigestsItWasPulledBy() throws Exception {
        String name = registry.address() + "/it/busybox:1";
        Jpod.Result inspect = jpod.run("image", "inspect", name);
        assertEquals(0, inspect.exitCode(), inspect.all());
        assertTrue(
                inspect.out()
                        .contains(registry.address() + "/it/busybox@" + amd64.manifest().digest()),
                inspect.out());
        Jpod.Result images = jpod.run("images", "--digests");
        assertTrue(images.out().contains(amd64.manifest().digest()), images.out());
    }

    @Test
    @Order(3)
    void pruneRemovesAnImageWithoutANameOnly() throws Exception {
        Jpod.Result pulled =
                jpod.run(
                        "pull",
                        "-q",
                        "--tls-verify=false",
                        registry.address() + "/it/multi@" + arm64.manifest().digest());
        assertEquals(0, pulled.exitCode(), pulled.all());
        Jpod.Result pruned = jpod.run("image", "prune");
        assertEquals(0, pruned.exitCode(), pruned.all());
        assertTrue(pruned.out().lines().anyMatch(hex(arm64.config())::equals), pruned.out());
        assertTrue(jpod.run("images").out().contains(registry.address() + "/it/busybox"));
    }

    @Test
    @Order(3)
    void withoutTlsVerifyOffAPlainHttpRegistryIsRefused() throws Exception {
        Jpod.Result r = jpod.run("pull", registry.address() + "/it/busybox:1");
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("--tls-verify=false"), r.err());
    }

    @Test
    @Order(4)
    void playPullsTheHostPlatformFromAnIndexAndRunsItsLayers() throws Exception {
        Path manifest =
                manifest(
                        "pulled",
                        registry.address() + "/it/multi:1",
                        null,
                        "cat /data/new.txt /data/hard; readlink /data/link; cat /data/old.txt;"
                                + " test -e /data/gone.txt || echo gone-ok; ls /opaque;"
                                + " echo finished; sleep 1000");
        Jpod.Result played = jpod.run("play", "kube", "--tls-verify=false", manifest.toString());
        assertEquals(0, played.exitCode(), played.all());
        try {
            String logs = "";
            for (int i = 0; i < 100 && !logs.contains("finished"); i++) {
                Thread.sleep(100);
                logs = jpod.run("logs", "pulled-main").out();
            }
            assertEquals(
                    List.of("new", "new", "new.txt", "old", "gone-ok", "shown.txt", "finished"),
                    logs.lines().toList());
            String images = jpod.run("images").out();
            assertTrue(images.contains(hex(amd64.config()).substring(0, 12)), images);
            assertFalse(images.contains(hex(arm64.config()).substring(0, 12)), images);
        } finally {
            jpod.run("kube", "down", manifest.toString());
        }
    }

    @Test
    @Order(5)
    void platformFlagChoosesAnotherEntryOfTheIndex() throws Exception {
        Jpod.Result r =
                jpod.run(
                        "pull",
                        "-q",
                        "--tls-verify=false",
                        "--platform",
                        "linux/arm64",
                        registry.address() + "/it/multi:1");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(hex(arm64.config()), r.out().strip());
    }

    @Test
    @Order(6)
    void aTamperedBlobFailsThePullNamingItsDigestAndLeavesNothing() throws Exception {
        Path data = registry.blobData(corruptLayer.blob().digest());
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(data, bytes);
        Jpod.Result r =
                jpod.run("pull", "--tls-verify=false", registry.address() + "/it/corrupt:1");
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains(corruptLayer.blob().digest()), r.err());
        assertFalse(jpod.run("images").out().contains("it/corrupt"));
        Path store = jpod.dataDir().resolve("storage");
        assertFalse(
                Files.exists(
                        store.resolve(
                                "layers/" + corruptLayer.diffId().substring("sha256:".length()))));
        try (Stream<Path> left = Files.list(store.resolve("tmp"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    @Order(7)
    void neverPolicyWithTheImageAbsentFailsNamingItAndCreatesNothing() throws Exception {
        String image = registry.address() + "/it/never:1";
        Path manifest = manifest("never", image, "Never", "true");
        Jpod.Result r = jpod.run("play", "kube", "--tls-verify=false", manifest.toString());
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains(image), r.err());
        assertEquals("", jpod.run("pod", "ps", "-q").out());
    }

    @Test
    @Order(8)
    void anUnqualifiedNameIsNotSentToAnyRegistry() throws Exception {
        Jpod.Result r = jpod.run("pull", "no-such-short-name");
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("fully qualified"), r.err());
    }

    @Test
    @Order(9)
    void aShortNameWithNowhereToPullFromUsesTheLocalImage() throws Exception {
        // no tag: Always, by the Kubernetes default; but there is no search registry to ask
        Path manifest = manifest("short", "jpod-busybox", null, "echo short-ok; sleep 1000");
        Jpod.Result played = jpod.run("play", "kube", manifest.toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            String logs = "";
            for (int i = 0; i < 100 && !logs.contains("short-ok"); i++) {
                Thread.sleep(100);
                logs = jpod.run("logs", "short-main").out();
            }
            assertTrue(logs.contains("short-ok"), logs);
        } finally {
            jpod.run("kube", "down", manifest.toString());
        }
    }

    private static Path manifest(String pod, String image, String policy, String script)
            throws IOException {
        Path file = work.resolve(pod + ".yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "apiVersion: v1",
                        "kind: Pod",
                        "metadata:",
                        "  name: " + pod,
                        "spec:",
                        "  restartPolicy: Never",
                        "  containers:",
                        "    - name: main",
                        "      image: " + image,
                        policy == null ? "" : "      imagePullPolicy: " + policy,
                        "      command: [\"sh\", \"-c\", \"" + script + "\"]",
                        ""));
        return file;
    }
}
