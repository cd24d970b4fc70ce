package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;
import io.jpod.runtime.image.oci.Json;
import io.jpod.runtime.image.oci.MediaTypes;
import io.jpod.runtime.image.oci.OciIndex;
import io.jpod.runtime.image.oci.OciManifest;
import io.jpod.runtime.image.oci.Platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OCI image layout in a tar: index.json points to manifests, or to nested indexes from which the
 * one for this platform is taken. Names come from {@code io.containerd.image.name}, else from
 * {@code org.opencontainers.image.ref.name}.
 */
final class OciArchiveReader {

    private final ArchiveFile archive;
    private final Platform platform;

    OciArchiveReader(ArchiveFile archive, Platform platform) {
        this.archive = archive;
        this.platform = platform;
    }

    List<ArchivedImage> read() throws IOException, ArchiveException {
        OciIndex index =
                parse(
                        archive.read("index.json", ArchiveReader.MAX_JSON_SIZE),
                        OciIndex.class,
                        "index.json");
        List<ArchivedImage> images = new ArrayList<>();
        for (Descriptor descriptor : index.manifestsOrEmpty()) {
            images.add(image(descriptor, names(descriptor)));
        }
        if (images.isEmpty()) {
            throw new ArchiveException("OCI archive has no images: index.json lists no manifests");
        }
        return images;
    }

    private ArchivedImage image(Descriptor descriptor, List<String> names)
            throws IOException, ArchiveException {
        String mediaType = descriptor.mediaType();
        if (MediaTypes.isIndex(mediaType)) {
            OciIndex index = parse(blob(descriptor), OciIndex.class, descriptor.digest());
            return image(forPlatform(index, descriptor), names);
        }
        if (!MediaTypes.isManifest(mediaType)) {
            throw new ArchiveException(
                    "OCI archive: unsupported media type "
                            + mediaType
                            + " for "
                            + descriptor.digest());
        }
        OciManifest manifest = parse(blob(descriptor), OciManifest.class, descriptor.digest());
        if (manifest.config() == null) {
            throw new ArchiveException("OCI manifest " + descriptor.digest() + " has no config");
        }
        byte[] config = blob(manifest.config());
        List<ArchivedLayer> layers = new ArrayList<>();
        for (Descriptor layer : manifest.layersOrEmpty()) {
            Digest digest = digest(layer);
            String path = path(digest);
            layers.add(new ArchivedLayer(path, Optional.of(digest), () -> archive.open(path)));
        }
        return new ArchivedImage(names, true, config, digest(manifest.config()), layers);
    }

    private Descriptor forPlatform(OciIndex index, Descriptor of) throws ArchiveException {
        List<Descriptor> manifests = index.manifestsOrEmpty();
        for (Descriptor manifest : manifests) {
            if (platform.runs(manifest.platform())) {
                return manifest;
            }
        }
        if (manifests.size() == 1 && manifests.getFirst().platform() == null) {
            return manifests.getFirst();
        }
        throw new ArchiveException(
                "image index "
                        + of.digest()
                        + " has no image for "
                        + platform.os()
                        + "/"
                        + platform.architecture());
    }

    private static List<String> names(Descriptor descriptor) {
        String name = descriptor.annotation(Descriptor.CONTAINERD_NAME);
        if (name == null) {
            name = descriptor.annotation(Descriptor.REF_NAME);
        }
        return name == null || name.isBlank() ? List.of() : List.of(name);
    }

    /** A JSON blob, checked against its descriptor's digest and size. */
    private byte[] blob(Descriptor descriptor) throws IOException, ArchiveException {
        Digest digest = digest(descriptor);
        byte[] content = archive.read(path(digest), ArchiveReader.MAX_JSON_SIZE);
        Digest actual = Digest.of(content);
        if (!actual.equals(digest)) {
            throw new ArchiveException(
                    "OCI archive blob " + digest + " does not match its digest: got " + actual);
        }
        if (descriptor.size() > 0 && descriptor.size() != content.length) {
            throw new ArchiveException(
                    "OCI archive blob "
                            + digest
                            + " has "
                            + content.length
                            + " bytes, its descriptor says "
                            + descriptor.size());
        }
        return content;
    }

    private static Digest digest(Descriptor descriptor) throws ArchiveException {
        try {
            return Digest.parse(descriptor.digest());
        } catch (IllegalArgumentException e) {
            throw new ArchiveException("OCI archive: " + e.getMessage(), e);
        }
    }

    private static String path(Digest digest) {
        return "blobs/sha256/" + digest.hex();
    }

    private static <T> T parse(byte[] json, Class<T> type, String what) throws ArchiveException {
        try {
            return Json.read(json, type);
        } catch (IOException e) {
            throw new ArchiveException(
                    "OCI archive: "
                            + what
                            + " is not a valid "
                            + type.getSimpleName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
