package io.jpod.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.archive.TestImage;
import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.layer.RecordingFileOps;
import io.jpod.runtime.image.layer.TarBuilder;
import io.jpod.runtime.image.oci.Json;
import io.jpod.runtime.image.oci.MediaTypes;
import io.jpod.runtime.image.oci.Platform;
import io.jpod.runtime.image.registry.FakeRegistry;
import io.jpod.runtime.image.registry.ImagePuller;
import io.jpod.runtime.image.registry.PullListener;
import io.jpod.runtime.image.registry.RegistryClient;
import io.jpod.runtime.image.registry.RegistryOptions;
import io.jpod.runtime.image.registry.Retries;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Pulls from an in-JVM registry into a store, through the same extraction as load. */
class ImageStorePullTest {

    @TempDir Path root;
    final FakeRegistry registry;

    ImageStorePullTest() throws IOException {
        registry = new FakeRegistry();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    ImageStore store() {
        return new ImageStore(root.resolve("store"), new RecordingFileOps(), w -> {});
    }

    Image pull(ImageStore store, String reference, Platform platform) throws Exception {
        RegistryClient client =
                RegistryClient.open(
                        registry.host(),
                        Optional.empty(),
                        RegistryOptions.defaults()
                                .withTlsVerify(false)
                                .withTimeout(Duration.ofSeconds(1))
                                .withRetries(
                                        new Retries(
                                                2, Duration.ofMillis(1), Duration.ofMillis(1))));
        return new ImagePuller(client, platform, PullListener.NONE, 2)
                .pull(store, ImageRef.parse(reference));
    }

    /** Serves an image's config, layers and manifest; returns the manifest's digest. */
    Digest push(String repository, String tag, TestImage image) throws IOException {
        Digest config = registry.putBlob(image.config());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (byte[] blob : image.layerBlobs()) {
            layers.add(
                    descriptor(
                            "application/vnd.oci.image.layer.v1.tar",
                            registry.putBlob(blob),
                            blob.length));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.put(
                "config",
                descriptor(
                        "application/vnd.oci.image.config.v1+json", config, image.config().length));
        manifest.put("layers", layers);
        return registry.putManifest(repository, tag, MediaTypes.OCI_MANIFEST, Json.write(manifest));
    }

    static Map<String, Object> descriptor(String type, Digest digest, long size) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", type);
        d.put("digest", digest.toString());
        d.put("size", size);
        return d;
    }

    static byte[] layer(String file, String content) {
        return new TarBuilder().dir("srv/").file("srv/" + file, content).tar();
    }

    @Test
    void anIndexYieldsThePlatformsImageNamedAndPinnedByDigest() throws Exception {
        TestImage amd64 = new TestImage(TestImage.cmd("sh"), layer("a", "amd64")).gzipLayers();
        TestImage arm64 = new TestImage(TestImage.cmd("sh"), layer("a", "arm64"));
        Digest amd64Manifest = push("app", "amd64", amd64);
        Digest arm64Manifest = push("app", "arm64", arm64);
        byte[] manifestAmd = registry.manifests.get("app/amd64");
        byte[] manifestArm = registry.manifests.get("app/arm64");
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        Map<String, Object> arm =
                descriptor(MediaTypes.OCI_MANIFEST, arm64Manifest, manifestArm.length);
        arm.put("platform", Map.of("os", "linux", "architecture", "arm64", "variant", "v8"));
        Map<String, Object> amd =
                descriptor(MediaTypes.OCI_MANIFEST, amd64Manifest, manifestAmd.length);
        amd.put("platform", Map.of("os", "linux", "architecture", "amd64"));
        index.put("manifests", List.of(arm, amd));
        Digest indexDigest =
                registry.putManifest("app", "1", MediaTypes.OCI_INDEX, Json.write(index));
        ImageStore store = store();

        Image image = pull(store, registry.host() + "/app:1", new Platform("linux", "amd64", null));

        assertEquals(amd64.id(), image.id());
        assertEquals(List.of(registry.host() + "/app:1"), image.names());
        assertEquals(
                List.of(
                        registry.host() + "/app@" + indexDigest,
                        registry.host() + "/app@" + amd64Manifest),
                image.digests());
        assertEquals(amd64.diffIds(), image.layers());
        assertEquals(Optional.of(image), store.find(registry.host() + "/app@" + indexDigest));
        assertTrue(Files.isRegularFile(store.layerPaths(image).getFirst().resolve("srv/a")));
        Image armImage = pull(store, registry.host() + "/app:1", Platform.parse("linux/arm64/v8"));
        assertEquals(arm64.id(), armImage.id());
    }

    @Test
    void aLayerTheStoreHasIsNotFetchedAgain() throws Exception {
        byte[] shared = layer("shared", "both");
        push("one", "1", new TestImage(TestImage.cmd("sh"), shared, layer("x", "1")));
        push("two", "1", new TestImage(TestImage.cmd("sh"), shared, layer("x", "2")));
        ImageStore store = store();
        pull(store, registry.host() + "/one:1", Platform.host());

        pull(store, registry.host() + "/two:1", Platform.host());

        String sharedBlob = "/blobs/" + Digest.of(shared);
        assertEquals(
                1, registry.requests.stream().filter(r -> r.path().endsWith(sharedBlob)).count());
        assertEquals(2, store.list().size());
    }

    @Test
    void aHostileLayerIsRefusedAsLoadRefusesIt() throws Exception {
        // the digests check out: only the extraction's own refusal stands in the way
        byte[] evil = new TarBuilder().symlink("etc", "/etc").file("etc/passwd", "pwned").tar();
        push("evil", "1", new TestImage(TestImage.cmd("sh"), layer("ok", "fine"), evil));
        ImageStore store = store();

        ImageException e =
                assertThrows(
                        ImageException.class,
                        () -> pull(store, registry.host() + "/evil:1", Platform.host()));

        assertTrue(e.getMessage().contains("etc/passwd"), e.getMessage());
        assertEquals(List.of(), store.list());
    }

    @Test
    void aTamperedLayerFailsNamingItsDigestAndLeavesNothingInTheStore() throws Exception {
        byte[] good = layer("ok", "fine");
        byte[] bad = layer("evil", "original");
        TestImage image = new TestImage(TestImage.cmd("sh"), good, bad);
        push("app", "1", image);
        Digest badDigest = Digest.of(bad);
        registry.blobs.put(badDigest.toString(), layer("evil", "tampered"));
        ImageStore store = store();

        ImageException e =
                assertThrows(
                        ImageException.class,
                        () -> pull(store, registry.host() + "/app:1", Platform.host()));

        assertTrue(e.getMessage().contains(badDigest.toString()), e.getMessage());
        assertEquals(List.of(), store.list());
        try (Stream<Path> tmp = Files.list(root.resolve("store/tmp"))) {
            assertEquals(List.of(), tmp.toList());
        }
        Path layers = root.resolve("store/layers");
        if (Files.isDirectory(layers)) {
            // the good layer may have been extracted before the bad one failed: it went with it
            try (Stream<Path> left = Files.list(layers)) {
                assertEquals(List.of(), left.toList());
            }
        }
    }
}
