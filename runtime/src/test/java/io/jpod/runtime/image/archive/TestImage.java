package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.layer.TarBuilder;
import io.jpod.runtime.image.oci.ConfigFile;
import io.jpod.runtime.image.oci.Descriptor;
import io.jpod.runtime.image.oci.Json;
import io.jpod.runtime.image.oci.MediaTypes;
import io.jpod.runtime.image.oci.OciIndex;
import io.jpod.runtime.image.oci.OciManifest;
import io.jpod.runtime.image.oci.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image for tests, written as an OCI archive or a docker-archive the way podman, skopeo and
 * docker do.
 */
public final class TestImage {

    private final List<byte[]> layerTars;
    private final ConfigFile.ContainerConfig config;
    private boolean gzipLayers;
    private boolean zstdLayers;
    private List<String> diffIdsOverride;

    public TestImage(ConfigFile.ContainerConfig config, byte[]... layerTars) {
        this.config = config;
        this.layerTars = List.of(layerTars);
    }

    public static ConfigFile.ContainerConfig cmd(String... cmd) {
        return new ConfigFile.ContainerConfig(
                null, null, List.of("PATH=/bin"), null, List.of(cmd), "/", null);
    }

    public TestImage gzipLayers() {
        gzipLayers = true;
        return this;
    }

    public TestImage zstdLayers() {
        zstdLayers = true;
        return this;
    }

    /** Lies about the diff ids in the config. */
    public TestImage diffIds(List<String> diffIds) {
        diffIdsOverride = diffIds;
        return this;
    }

    public List<String> diffIds() {
        return layerTars.stream().map(t -> Digest.of(t).toString()).toList();
    }

    public byte[] config() {
        return json(
                new ConfigFile(
                        "2024-05-06T07:08:09Z",
                        "amd64",
                        "linux",
                        config,
                        new ConfigFile.RootFs(
                                "layers", diffIdsOverride != null ? diffIdsOverride : diffIds()),
                        null));
    }

    public String id() {
        return Digest.of(config()).toString();
    }

    public List<byte[]> layerBlobs() {
        return layerTars.stream()
                .map(t -> gzipLayers ? TarBuilder.gzip(t) : zstdLayers ? zstd(t) : t)
                .toList();
    }

    private static byte[] zstd(byte[] tar) {
        return com.github.luben.zstd.Zstd.compress(tar, 3);
    }

    /** An OCI archive; {@code annotations} go on the index.json entry. */
    public byte[] ociArchive(Map<String, String> annotations) {
        TarBuilder tar = new TarBuilder();
        tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
        Descriptor manifest = writeManifest(tar, annotations, null);
        tar.file(
                "index.json",
                new String(
                        json(new OciIndex(2, MediaTypes.OCI_INDEX, List.of(manifest))),
                        StandardCharsets.UTF_8));
        return tar.tar();
    }

    /**
     * An OCI archive whose index.json points to a nested index: {@code otherPlatform} for arm64,
     * this for the host.
     */
    public byte[] ociArchiveWithNestedIndex(
            Map<String, String> annotations, TestImage otherPlatform) {
        return ociArchiveWithNestedIndex(annotations, otherPlatform, Platform.host());
    }

    public byte[] ociArchiveWithNestedIndex(
            Map<String, String> annotations, TestImage otherPlatform, Platform mine) {
        TarBuilder tar = new TarBuilder();
        tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
        Descriptor other =
                otherPlatform.writeManifest(tar, null, new Platform("linux", "arm64", "v8"));
        Descriptor own = writeManifest(tar, null, mine);
        byte[] nested = json(new OciIndex(2, MediaTypes.OCI_INDEX, List.of(other, own)));
        Digest nestedDigest = blob(tar, nested);
        Descriptor top =
                new Descriptor(
                        MediaTypes.OCI_INDEX,
                        nestedDigest.toString(),
                        nested.length,
                        annotations,
                        null);
        tar.file(
                "index.json",
                new String(
                        json(new OciIndex(2, MediaTypes.OCI_INDEX, List.of(top))),
                        StandardCharsets.UTF_8));
        return tar.tar();
    }

    /**
     * A docker-archive: legacy {@code <id>/layer.tar} paths, or Docker 25's {@code
     * blobs/sha256/<hex>}.
     */
    public byte[] dockerArchive(List<String> repoTags, boolean blobPaths) {
        TarBuilder tar = new TarBuilder();
        byte[] config = config();
        String configPath =
                blobPaths
                        ? "blobs/sha256/" + Digest.of(config).hex()
                        : Digest.of(config).hex() + ".json";
        tar.file(configPath, config, 0644);
        List<String> layerPaths = new ArrayList<>();
        List<byte[]> blobs = layerBlobs();
        for (int i = 0; i < blobs.size(); i++) {
            String path =
                    blobPaths
                            ? "blobs/sha256/" + Digest.of(blobs.get(i)).hex()
                            : "layer" + i + "/layer.tar";
            if (!layerPaths.contains(path)) {
                tar.file(path, blobs.get(i), 0644);
            }
            layerPaths.add(path);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Config", configPath);
        entry.put("RepoTags", repoTags);
        entry.put("Layers", layerPaths);
        tar.file("manifest.json", new String(json(List.of(entry)), StandardCharsets.UTF_8));
        return tar.tar();
    }

    private Descriptor writeManifest(
            TarBuilder tar, Map<String, String> annotations, Platform platform) {
        byte[] config = config();
        Digest configDigest = blob(tar, config);
        List<Descriptor> layers = new ArrayList<>();
        for (byte[] layer : layerBlobs()) {
            Digest digest = blob(tar, layer);
            layers.add(
                    new Descriptor(
                            gzipLayers
                                    ? "application/vnd.oci.image.layer.v1.tar+gzip"
                                    : "application/vnd.oci.image.layer.v1.tar",
                            digest.toString(),
                            layer.length,
                            null,
                            null));
        }
        byte[] manifest =
                json(
                        new OciManifest(
                                2,
                                MediaTypes.OCI_MANIFEST,
                                new Descriptor(
                                        "application/vnd.oci.image.config.v1+json",
                                        configDigest.toString(),
                                        config.length,
                                        null,
                                        null),
                                layers));
        Digest manifestDigest = blob(tar, manifest);
        return new Descriptor(
                MediaTypes.OCI_MANIFEST,
                manifestDigest.toString(),
                manifest.length,
                annotations,
                platform);
    }

    private static Digest blob(TarBuilder tar, byte[] content) {
        Digest digest = Digest.of(content);
        tar.file("blobs/sha256/" + digest.hex(), content, 0644);
        return digest;
    }

    private static byte[] json(Object value) {
        try {
            return Json.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
