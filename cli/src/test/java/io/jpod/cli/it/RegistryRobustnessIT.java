package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Pulls that meet trouble: a zstd image, a connection dropped mid-blob (resumed), the registry
 * killed mid-blob (restarted: the pull completes; not: it fails cleanly), two pulls of one image at
 * once, and a pull killed with SIGKILL. Big answers go through a throttling proxy so the trouble
 * lands mid-pull, at a byte count of the big layer's answer.
 */
class RegistryRobustnessIT {

    private static final int BIG = 24 << 20;

    /** The retries' first wait, shortened from podman's 2 s. */
    private static final Map<String, String> QUICK_RETRIES =
            Map.of("JPOD_PULL_RETRY_DELAY", "100ms");

    private static Jpod jpod;
    private static Path work;
    private static TestRegistry registry;
    private static ThrottlingProxy proxy;
    private static OciLayout.Image big;
    private static OciLayout.Layer noiseLayer;
    private static OciLayout.Image zstd;

    @BeforeAll
    static void pushImages() throws Exception {
        jpod = Jpod.get();
        work =
                Files.createTempDirectory(
                        Path.of("/tmp"),
                        "jpod-robust-it-",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        registry = TestRegistry.start(Files.createDirectories(work.resolve("registry")), "");
        proxy = new ThrottlingProxy(registry.port(), 8L << 20);
        OciLayout layout = new OciLayout(work.resolve("layout"));
        Path busybox = Files.createDirectories(work.resolve("base/bin"));
        Files.copy(
                Path.of("/bin/busybox"),
                busybox.resolve("busybox"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(busybox.resolve("sh"), Path.of("busybox"));
        OciLayout.Layer base = layout.layer(busybox.getParent());
        Path noise = Files.createDirectories(work.resolve("noise"));
        byte[] random = new byte[BIG];
        new Random(42).nextBytes(random);
        try (OutputStream out = Files.newOutputStream(noise.resolve("random.bin"))) {
            out.write(random);
        }
        noiseLayer = layout.layer(noise);
        big = layout.image("amd64", List.of(base, noiseLayer), List.of("sh"));
        layout.tag("big", big);
        Path small = Files.createDirectories(work.resolve("small"));
        Files.writeString(small.resolve("zstd.txt"), "compressed with zstd\n");
        zstd = layout.image("amd64", List.of(base, layout.layer(small)), List.of("sh"));
        layout.tag("zstd", zstd);
        registry.push(layout.dir(), "big", "it/big:1");
        registry.push(layout.dir(), "zstd", "it/zstd:1", "--dest-compress-format", "zstd");
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @AfterEach
    void removeBig() throws Exception {
        proxy.reset();
        jpod.run("rmi", bigName());
    }

    private static String bigName() {
        return proxy.address() + "/it/big:1";
    }

    private static String hex(OciLayout.Blob blob) {
        return blob.digest().substring("sha256:".length());
    }

    private static Path storeTmp() {
        return jpod.dataDir().resolve("storage/tmp");
    }

    private static List<Path> leftovers() throws IOException {
        if (!Files.isDirectory(storeTmp())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(storeTmp())) {
            return files.toList();
        }
    }

    @Test
    void zstdCompressedLayersArePulled() throws Exception {
        Jpod.Result r =
                jpod.run("pull", "-q", "--tls-verify=false", registry.address() + "/it/zstd:1");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(hex(zstd.config()), r.out().strip());
    }

    @Test
    void aConnectionDroppedMidBlobIsResumed() throws Exception {
        proxy.dropOnceAfter(BIG / 3);
        Jpod.Result r = pullBig();
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(proxy.dropped(), "the proxy never dropped the connection");
        assertEquals(hex(big.config()), r.out().strip());
        assertTrue(proxy.requestsWith("range: bytes=") > 0, "the pull never resumed with Range");
    }

    @Test
    void aRegistryKilledMidBlobAndRestartedLetsThePullComplete() throws Exception {
        // requests made while it is down wait for it, as behind a load balancer
        proxy.holdWhileDown(true);
        proxy.onceAfter(
                BIG / 4,
                () -> {
                    registry.kill();
                    registry.restart();
                });

        Jpod.Result r = pullBig();

        assertTrue(proxy.dropped(), "the registry was never killed");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(hex(big.config()), r.out().strip());
        assertTrue(proxy.requestsWith("range: bytes=") > 0, "the pull never resumed with Range");
        assertEquals(List.of(), leftovers());
        Path random =
                jpod.dataDir()
                        .resolve("storage/layers")
                        .resolve(noiseLayer.diffId().substring("sha256:".length()))
                        .resolve("random.bin");
        assertEquals(BIG, Files.size(random));
    }

    @Test
    void aRegistryKilledMidBlobForGoodFailsThePullCleanly() throws Exception {
        List<Path> layersBefore = storeLayers();
        proxy.onceAfter(BIG / 4, registry::kill);
        Jpod.Result r;
        try {
            r = pullBig();
        } finally {
            if (proxy.dropped()) {
                registry.restart();
            }
        }

        assertTrue(proxy.dropped(), "the registry was never killed");
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains(noiseLayer.blob().digest()), r.err());
        assertFalse(jpod.run("images").out().contains("/it/big"));
        assertEquals(List.of(), leftovers());
        assertEquals(layersBefore, storeLayers());
        Jpod.Result again = pullBig();
        assertEquals(0, again.exitCode(), again.all());
        assertEquals(hex(big.config()), again.out().strip());
    }

    @Test
    void twoPullsOfOneImageAtOnceBothSucceed() throws Exception {
        CompletableFuture<Jpod.Result> first = pullAsync();
        CompletableFuture<Jpod.Result> second = pullAsync();
        for (Jpod.Result r : List.of(first.join(), second.join())) {
            assertEquals(0, r.exitCode(), r.all());
            assertEquals(hex(big.config()), r.out().strip());
        }
        String images = jpod.run("images").out();
        assertEquals(1, images.lines().filter(l -> l.contains("/it/big")).count(), images);
    }

    @Test
    void aKilledPullLeavesNothingTheNextCommandCannotClean() throws Exception {
        Process pull = jpod.start(List.of("pull", "-q", "--tls-verify=false", bigName()));
        try {
            for (int i = 0;
                    i < 300 && leftovers().stream().noneMatch(RegistryRobustnessIT::partial);
                    i++) {
                Thread.sleep(20);
            }
            assertTrue(
                    leftovers().stream().anyMatch(RegistryRobustnessIT::partial),
                    "the pull never started a blob");
        } finally {
            new ProcessBuilder("kill", "-9", "--", "-" + pull.pid()).start().waitFor();
            pull.waitFor();
        }
        assertFalse(jpod.run("images").out().contains("/it/big"));
        Jpod.Result again = pullBig();
        assertEquals(0, again.exitCode(), again.all());
        assertEquals(List.of(), leftovers());
    }

    /** A layer being extracted as its blob arrives. */
    private static boolean partial(Path p) {
        return p.getFileName().toString().startsWith("layer-");
    }

    private static Jpod.Result pullBig() throws IOException, InterruptedException {
        return jpod.runWithEnv(QUICK_RETRIES, "pull", "-q", "--tls-verify=false", bigName());
    }

    private static List<Path> storeLayers() throws IOException {
        Path layers = jpod.dataDir().resolve("storage/layers");
        if (!Files.isDirectory(layers)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(layers)) {
            return dirs.sorted().toList();
        }
    }

    private static CompletableFuture<Jpod.Result> pullAsync() {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return pullBig();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
