package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-archive: manifest.json lists each image's config, RepoTags and layer tars. Layers are
 * {@code <id>/layer.tar} (legacy) or {@code blobs/sha256/<hex>} (Docker 25+).
 */
final class DockerArchiveReader {

    /**
     * A file named after the sha256 of its content: {@code <hex>.json} or {@code
     * blobs/sha256/<hex>}.
     */
    private static final Pattern CONTENT_ADDRESSED =
            Pattern.compile("(?:^|/)(?:sha256/)?([0-9a-f]{64})(?:\\.json)?$");

    private final ArchiveFile archive;

    DockerArchiveReader(ArchiveFile archive) {
        this.archive = archive;
    }

    List<ArchivedImage> read() throws IOException, ArchiveException {
        DockerManifestEntry[] entries;
        try {
            entries =
                    Json.read(
                            archive.read("manifest.json", ArchiveReader.MAX_JSON_SIZE),
                            DockerManifestEntry[].class);
        } catch (IOException e) {
            throw new ArchiveException(
                    "docker-archive manifest.json is not valid: " + e.getMessage(), e);
        }
        List<ArchivedImage> images = new ArrayList<>();
        for (DockerManifestEntry entry : entries) {
            images.add(image(entry));
        }
        if (images.isEmpty()) {
            throw new ArchiveException("docker-archive has no images");
        }
        return images;
    }

    private ArchivedImage image(DockerManifestEntry entry) throws IOException, ArchiveException {
        if (entry.config() == null || entry.layers() == null) {
            throw new ArchiveException(
                    "docker-archive manifest.json entry without Config or Layers");
        }
        byte[] config = archive.read(entry.config(), ArchiveReader.MAX_JSON_SIZE);
        Digest configDigest = Digest.of(config);
        Optional<Digest> named = addressOf(entry.config());
        if (named.isPresent() && !named.get().equals(configDigest)) {
            throw new ArchiveException(
                    "image config "
                            + entry.config()
                            + " does not match its digest: got "
                            + configDigest);
        }
        List<ArchivedLayer> layers = new ArrayList<>();
        for (String path : entry.layers()) {
            layers.add(new ArchivedLayer(path, addressOf(path), () -> archive.open(path)));
        }
        List<String> names = entry.repoTags() == null ? List.of() : entry.repoTags();
        return new ArchivedImage(names, false, config, configDigest, layers);
    }

    private static Optional<Digest> addressOf(String path) {
        Matcher m = CONTENT_ADDRESSED.matcher(path);
        return m.find() ? Optional.of(new Digest(m.group(1))) : Optional.empty();
    }
}
