package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;
import io.jpod.runtime.image.oci.Json;
import io.jpod.runtime.image.oci.MediaTypes;
import io.jpod.runtime.image.oci.OciIndex;
import io.jpod.runtime.image.oci.OciManifest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an OCI image layout in a tar: {@code oci-layout}, {@code index.json} with one entry per
 * name of each image (its {@code org.opencontainers.image.ref.name}, as podman writes it), and
 * manifests, configs and uncompressed layers under {@code blobs/sha256/}.
 */
final class OciArchiveWriter {

    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER = "application/vnd.oci.image.layer.v1.tar";
    private static final byte[] LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes();

    private OciArchiveWriter() {}

    static void write(List<SavedImage> images, ArchiveOutput out)
            throws IOException, ArchiveException {
        out.file("oci-layout", LAYOUT);
        List<Descriptor> index = new ArrayList<>();
        for (SavedImage image : images) {
            List<Descriptor> layers = new ArrayList<>();
            for (SavedImage.SavedLayer layer : image.layers()) {
                out.layer(blob(layer.diffId()), layer);
                layers.add(
                        new Descriptor(LAYER, layer.diffId().toString(), layer.size(), null, null));
            }
            out.file(blob(image.configDigest()), image.config());
            Descriptor config =
                    new Descriptor(
                            CONFIG,
                            image.configDigest().toString(),
                            image.config().length,
                            null,
                            null);
            byte[] manifest =
                    Json.write(new OciManifest(2, MediaTypes.OCI_MANIFEST, config, layers));
            Digest digest = Digest.of(manifest);
            out.file(blob(digest), manifest);
            if (image.names().isEmpty()) {
                index.add(descriptor(digest, manifest, null));
            }
            for (String name : image.names()) {
                index.add(descriptor(digest, manifest, Map.of(Descriptor.REF_NAME, name)));
            }
        }
        out.file("index.json", Json.write(new OciIndex(2, MediaTypes.OCI_INDEX, index)));
    }

    private static Descriptor descriptor(
            Digest digest, byte[] manifest, Map<String, String> annotations) {
        return new Descriptor(
                MediaTypes.OCI_MANIFEST, digest.toString(), manifest.length, annotations, null);
    }

    private static String blob(Digest digest) {
        return "blobs/sha256/" + digest.hex();
    }
}
