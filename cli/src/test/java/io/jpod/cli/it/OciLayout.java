package io.jpod.cli.it;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * An OCI image layout directory built by the test, for skopeo to push: layers tarred by GNU tar
 * from directories (so hard links, symlinks and whiteout files are tar's own), gzip-compressed.
 */
final class OciLayout {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";

    record Blob(String digest, long size) {}

    record Layer(Blob blob, String diffId) {}

    /** An image manifest and its config. */
    record Image(Blob manifest, Blob config, String architecture) {}

    private final Path dir;
    private final List<Map<String, Object>> refs = new ArrayList<>();

    OciLayout(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    Path dir() {
        return dir;
    }

    /** Tars a directory as root-owned files. */
    Layer layer(Path root) throws IOException, InterruptedException {
        Process tar =
                new ProcessBuilder(
                                "tar",
                                "--numeric-owner",
                                "--owner=0",
                                "--group=0",
                                "--sort=name",
                                "-C",
                                root.toString(),
                                "-cf",
                                "-",
                                ".")
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        byte[] raw = tar.getInputStream().readAllBytes();
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IllegalStateException("tar failed for " + root);
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(raw);
        }
        return new Layer(blob(gz.toByteArray()), digest(raw));
    }

    Image image(String architecture, List<Layer> layers, List<String> cmd) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("created", "2024-01-02T03:04:05Z");
        config.put("architecture", architecture);
        config.put("os", "linux");
        config.put("config", Map.of("Env", List.of("PATH=/bin"), "Cmd", cmd));
        config.put(
                "rootfs",
                Map.of("type", "layers", "diff_ids", layers.stream().map(Layer::diffId).toList()));
        Blob configBlob = blob(JSON.writeValueAsBytes(config));
        List<Map<String, Object>> layerDescriptors = new ArrayList<>();
        for (Layer l : layers) {
            layerDescriptors.add(
                    descriptor("application/vnd.oci.image.layer.v1.tar+gzip", l.blob()));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST);
        manifest.put("config", descriptor("application/vnd.oci.image.config.v1+json", configBlob));
        manifest.put("layers", layerDescriptors);
        return new Image(blob(JSON.writeValueAsBytes(manifest)), configBlob, architecture);
    }

    /** Names an image in index.json. */
    void tag(String ref, Image image) throws IOException {
        Map<String, Object> entry = descriptor(MANIFEST, image.manifest());
        entry.put("annotations", Map.of("org.opencontainers.image.ref.name", ref));
        refs.add(entry);
        writeIndex();
    }

    /** Names an index of several platforms' images in index.json. */
    void tagIndex(String ref, List<Image> images) throws IOException {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Image image : images) {
            Map<String, Object> entry = descriptor(MANIFEST, image.manifest());
            entry.put("platform", Map.of("os", "linux", "architecture", image.architecture()));
            manifests.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX);
        index.put("manifests", manifests);
        Map<String, Object> entry = descriptor(INDEX, blob(JSON.writeValueAsBytes(index)));
        entry.put("annotations", Map.of("org.opencontainers.image.ref.name", ref));
        refs.add(entry);
        writeIndex();
    }

    private void writeIndex() throws IOException {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("manifests", refs);
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    }

    private static Map<String, Object> descriptor(String mediaType, Blob blob) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", mediaType);
        d.put("digest", blob.digest());
        d.put("size", blob.size());
        return d;
    }

    private Blob blob(byte[] content) throws IOException {
        String digest = digest(content);
        Files.write(dir.resolve("blobs/sha256/" + digest.substring("sha256:".length())), content);
        return new Blob(digest, content.length);
    }

    static String digest(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
