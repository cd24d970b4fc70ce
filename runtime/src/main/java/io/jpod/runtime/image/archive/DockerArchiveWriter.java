package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.oci.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a docker-archive as {@code podman save} does: {@code manifest.json}, each config as {@code
 * <hex>.json} and each layer as {@code <diff-id-hex>.tar}.
 */
final class DockerArchiveWriter {

    private DockerArchiveWriter() {}

    static void write(List<SavedImage> images, ArchiveOutput out)
            throws IOException, ArchiveException {
        List<DockerManifestEntry> manifest = new ArrayList<>();
        for (SavedImage image : images) {
            String config = image.configDigest().hex() + ".json";
            List<String> layers = new ArrayList<>();
            for (SavedImage.SavedLayer layer : image.layers()) {
                String name = layer.diffId().hex() + ".tar";
                out.layer(name, layer);
                layers.add(name);
            }
            out.file(config, image.config());
            manifest.add(
                    new DockerManifestEntry(
                            config, image.names().isEmpty() ? null : image.names(), layers));
        }
        out.file("manifest.json", Json.write(manifest));
    }
}
