package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.ImageRef;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.image.PulledImage;
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
import java.util.stream.Collectors;

/**
 * Pulls one image into the store: the manifest by tag or digest, the platform's manifest from an
 * index, the config, then the layers the store lacks, a few in parallel.
 */
public final class ImagePuller {

    /**
     * Layers fetched and extracted at once, as containers/image's default: each is streamed into
     * its extraction, so on a fast link more of them keep both cores busy (bench/PULL.md).
     */
    public static final int DEFAULT_PARALLEL = 6;

    private static final int MAX_CONFIG = 8 << 20;

    private final RegistryClient registry;
    private final Platform platform;
    private final PullListener listener;
    private final int parallel;

    public ImagePuller(
            RegistryClient registry, Platform platform, PullListener listener, int parallel) {
        this.registry = registry;
        this.platform = platform;
        this.listener = listener;
        this.parallel = parallel;
    }

    /** Pulls {@code ref}, which must name the registry this puller was made for. */
    public Image pull(ImageStore store, ImageRef ref) throws IOException, ImageException {
        return pull(store, ref, ref);
    }

    /**
     * Pulls {@code from} (on this puller's registry, a mirror perhaps) and stores it as {@code
     * ref}.
     */
    public Image pull(ImageStore store, ImageRef from, ImageRef ref)
            throws IOException, ImageException {
        String repository = from.path();
        RegistryManifest top =
                registry.manifest(repository, from.digest() != null ? from.digest() : from.tag());
        List<String> digests = new ArrayList<>();
        digests.add(ref.repository() + "@" + top.digest());
        RegistryManifest chosen = top;
        if (MediaTypes.isIndex(top.mediaType())) {
            Descriptor entry = choose(parse(top, OciIndex.class), ref);
            chosen = registry.manifest(repository, entry.digest());
            if (!MediaTypes.isManifest(chosen.mediaType())) {
                throw new RegistryException(
                        ref
                                + ": the index's entry "
                                + entry.digest()
                                + " is not an image manifest");
            }
            digests.add(ref.repository() + "@" + chosen.digest());
        }
        listener.resolved(ref.toString(), top.digest().toString());
        OciManifest manifest = parse(chosen, OciManifest.class);
        if (manifest.config() == null) {
            throw new RegistryException(ref + ": manifest " + chosen.digest() + " has no config");
        }
        for (Descriptor layer : manifest.layersOrEmpty()) {
            if (layer.mediaType() != null && layer.mediaType().endsWith("+encrypted")) {
                throw new RegistryException(
                        ref
                                + ": layer "
                                + layer.digest()
                                + " is encrypted, which jpod does not support");
            }
        }
        byte[] config = registry.blobs().read(repository, manifest.config(), MAX_CONFIG);
        Digest configDigest = Digest.of(config);
        listener.configDone(configDigest.toString());
        List<String> names =
                ref.tag() != null ? List.of(ref.repository() + ":" + ref.tag()) : List.of();
        return store.put(
                new PulledImage(names, digests, config, configDigest),
                new LayerDownloads(
                        registry.blobs(),
                        repository,
                        manifest.layersOrEmpty(),
                        listener,
                        parallel));
    }

    /** The index entry for the platform: the variant is compared only when one was asked for. */
    private Descriptor choose(OciIndex index, ImageRef ref) throws RegistryException {
        for (Descriptor d : index.manifestsOrEmpty()) {
            Platform p = d.platform();
            if (platform.runs(p)
                    && (platform.variant() == null || platform.variant().equals(p.variant()))) {
                return d;
            }
        }
        String offered =
                index.manifestsOrEmpty().stream()
                        .map(Descriptor::platform)
                        .filter(p -> p != null && !"unknown".equals(p.os()))
                        .map(ImagePuller::spell)
                        .distinct()
                        .collect(Collectors.joining(", "));
        throw new RegistryException(
                ref
                        + " has no image for "
                        + spell(platform)
                        + (offered.isEmpty() ? "" : " (it has " + offered + ")"));
    }

    private static String spell(Platform p) {
        return p.os() + "/" + p.architecture() + (p.variant() == null ? "" : "/" + p.variant());
    }

    private static <T> T parse(RegistryManifest manifest, Class<T> type) throws RegistryException {
        try {
            return Json.read(manifest.content(), type);
        } catch (IOException e) {
            throw new RegistryException(
                    "manifest " + manifest.digest() + " is not a valid " + type.getSimpleName(), e);
        }
    }
}
