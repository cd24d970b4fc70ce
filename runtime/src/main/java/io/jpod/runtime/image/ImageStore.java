package io.jpod.runtime.image;

import io.jpod.runtime.image.archive.ArchiveException;
import io.jpod.runtime.image.archive.ArchiveFile;
import io.jpod.runtime.image.archive.ArchiveFormat;
import io.jpod.runtime.image.archive.ArchiveReader;
import io.jpod.runtime.image.archive.ArchivedImage;
import io.jpod.runtime.image.archive.ArchivedLayer;
import io.jpod.runtime.image.archive.ImageArchiveWriter;
import io.jpod.runtime.image.archive.SavedImage;
import io.jpod.runtime.image.blob.BlobStore;
import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.layer.ExtractedLayer;
import io.jpod.runtime.image.layer.FileOps;
import io.jpod.runtime.image.layer.LayerException;
import io.jpod.runtime.image.layer.LayerExtractor;
import io.jpod.runtime.image.layer.LayerStore;
import io.jpod.runtime.image.layer.NativeFileOps;
import io.jpod.runtime.image.layer.Trees;
import io.jpod.runtime.image.oci.ConfigFile;
import io.jpod.runtime.image.oci.ConfigFile.ContainerConfig;
import io.jpod.runtime.image.oci.Json;
import io.jpod.runtime.image.oci.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local image store. Layout under its root (see package docs): {@code images.json}, {@code
 * images.lock}, {@code blobs/sha256/<hex>}, {@code layers/<diff-id-hex>/}, {@code tmp/}.
 *
 * <p>Commands that change the store hold the store lock for their whole run and first clear what an
 * interrupted one left behind. Reading takes no lock.
 */
public final class ImageStore {

    private final Path indexFile;
    private final Path lockFile;
    private final Path tmp;
    private final BlobStore blobs;
    private final LayerStore layers;
    private final Platform platform = Platform.host();

    /** Warnings (skipped device nodes) go to standard error. */
    public ImageStore(Path root) {
        this(root, message -> System.err.println("WARN: " + message));
    }

    public ImageStore(Path root, Consumer<String> warnings) {
        this(root, new NativeFileOps(), warnings);
    }

    ImageStore(Path root, FileOps ops, Consumer<String> warnings) {
        this.indexFile = root.resolve("images.json");
        this.lockFile = root.resolve("images.lock");
        this.tmp = root.resolve("tmp");
        this.blobs = new BlobStore(root.resolve("blobs"), tmp);
        this.layers =
                new LayerStore(root.resolve("layers"), tmp, new LayerExtractor(ops, warnings));
    }

    /** Loads every image of an OCI archive or docker-archive, gzip-compressed or not. */
    public List<Image> load(Path archive) throws IOException, ImageException {
        if (!Files.isRegularFile(archive)) {
            throw new ImageException("no such file: " + archive);
        }
        try (StoreLock _ = StoreLock.acquire(lockFile)) {
            ImageIndex index = repair();
            List<String> ids = new ArrayList<>();
            try (ArchiveFile file = ArchiveFile.open(archive, tmp)) {
                for (ArchivedImage image : ArchiveReader.read(file, platform)) {
                    ids.add(store(index, image, 1).id());
                }
            } catch (ArchiveException e) {
                throw new ImageException(archive.getFileName() + ": " + e.getMessage(), e);
            }
            index.write(indexFile);
            return ids.stream().distinct().map(index::get).toList();
        }
    }

    /**
     * Stores a pulled image under the store lock: only the layers the store lacks are fetched,
     * streamed into extraction a few at once, and they are checked and refused exactly as {@link
     * #load}'s are.
     */
    public Image put(PulledImage pulled, LayerFetcher fetcher) throws IOException, ImageException {
        List<String> diffIds = parseConfig(pulled.config(), pulled.configDigest()).diffIds();
        try (StoreLock _ = StoreLock.acquire(lockFile)) {
            ImageIndex index = repair();
            Set<Integer> missing = new HashSet<>();
            for (int i = 0; i < diffIds.size(); i++) {
                Digest diffId;
                try {
                    diffId = Digest.parse(diffIds.get(i));
                } catch (IllegalArgumentException e) {
                    throw new ImageException(
                            "image " + pulled.configDigest() + ": bad diff id: " + e.getMessage(),
                            e);
                }
                if (!index.hasLayer(diffId)) {
                    missing.add(i);
                }
            }
            ArchivedImage archived =
                    new ArchivedImage(
                            pulled.names(),
                            false,
                            pulled.config(),
                            pulled.configDigest(),
                            fetcher.layers(missing));
            try {
                Image image =
                        index.addDigests(
                                store(index, archived, fetcher.parallel()), pulled.digests());
                index.write(indexFile);
                return image;
            } catch (IOException | ImageException | RuntimeException e) {
                // layers that checked out before another failed: nothing lists them
                try {
                    removeUnlistedLayers(ImageIndex.read(indexFile));
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    /**
     * Imports a root file system tar (gzip-compressed or not) as a one-layer image.
     *
     * @param name null for an unnamed image; without a registry it is under {@code localhost/}
     * @param changes {@code --change} instructions: CMD, ENTRYPOINT, ENV, LABEL, WORKDIR, USER,
     *     EXPOSE
     */
    public Image importRootfs(Path tar, String name, List<String> changes)
            throws IOException, ImageException {
        ContainerConfig containerConfig = ConfigChanges.apply(changes);
        List<String> names =
                name == null || name.isBlank() ? List.of() : List.of(normalize(name, true));
        if (!Files.isRegularFile(tar)) {
            throw new ImageException("no such file: " + tar);
        }
        try (StoreLock _ = StoreLock.acquire(lockFile)) {
            ImageIndex index = repair();
            ExtractedLayer layer;
            try (InputStream in = Files.newInputStream(tar)) {
                layer = layers.extract(in, Optional.empty(), Optional.empty());
            } catch (LayerException e) {
                throw new ImageException(tar.getFileName() + ": " + e.getMessage(), e);
            }
            index.putLayer(layer);
            Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ConfigFile config =
                    new ConfigFile(
                            created.toString(),
                            platform.architecture(),
                            platform.os(),
                            containerConfig,
                            new ConfigFile.RootFs("layers", List.of(layer.diffId().toString())),
                            List.of(
                                    new ConfigFile.History(
                                            created.toString(),
                                            "jpod import " + tar.getFileName(),
                                            null)));
            Digest id = blobs.put(Json.write(config));
            Image image =
                    index.put(
                            new Image(
                                    id.toString(),
                                    names,
                                    List.of(layer.diffId().toString()),
                                    imageConfig(containerConfig),
                                    created,
                                    layer.size()));
            index.write(indexFile);
            return image;
        }
    }

    /**
     * Writes images into an archive as {@code podman save} does: each layer's tar byte for byte as
     * it was pulled or loaded, so the archive's digests are the image's own and loading it gives
     * the same image id. Reads take no lock; an image removed meanwhile fails the save.
     */
    public void save(List<String> namesOrIds, ArchiveFormat format, OutputStream out)
            throws IOException, ImageException {
        ImageIndex index = ImageIndex.read(indexFile);
        List<SavedImage> saved = new ArrayList<>();
        for (String nameOrId : namesOrIds) {
            saved.add(saved(index, require(index.images(), nameOrId)));
        }
        try {
            ImageArchiveWriter.write(
                    saved,
                    format,
                    (diffId, layerOut) -> {
                        try {
                            layers.writeTar(diffId, layerOut);
                        } catch (LayerException e) {
                            throw new ArchiveException(e.getMessage(), e);
                        }
                    },
                    out);
        } catch (ArchiveException e) {
            throw new ImageException(e.getMessage(), e);
        }
    }

    /** An image to save under the name it was asked by, or all its names when asked by id. */
    private SavedImage saved(ImageIndex index, Match match) throws IOException, ImageException {
        Image image = match.image();
        List<SavedImage.SavedLayer> layerList = new ArrayList<>();
        for (String diffId : image.layers()) {
            Digest digest = Digest.parse(diffId);
            Long size = index.layerSize(digest);
            if (size == null || !layers.contains(digest)) {
                throw new ImageException(
                        "image " + image.shortId() + ": layer " + diffId + " is missing");
            }
            layerList.add(new SavedImage.SavedLayer(digest, size));
        }
        Digest configDigest = Digest.parse(image.id());
        return new SavedImage(
                match.name() != null ? List.of(match.name()) : image.names(),
                configDigest,
                blobs.read(configDigest),
                layerList);
    }

    /** All images, newest first. */
    public List<Image> list() throws IOException {
        return ImageIndex.read(indexFile).images().stream()
                // not Comparator.comparing: its lambda is serializable, which no AOT cache holds,
                // and spinning it costs a cold play a few milliseconds
                .sorted((a, b) -> b.created().compareTo(a.created()))
                .toList();
    }

    /**
     * Finds an image by name ({@code busybox} matches {@code docker.io/library/busybox:latest} and
     * {@code localhost/busybox:latest}, then any registry's {@code .../busybox:latest} if only one)
     * or by id or a prefix of at least 3 hex digits of it. Ambiguous matches find nothing.
     */
    public Optional<Image> find(String nameOrId) throws IOException {
        return Optional.ofNullable(resolve(list(), nameOrId).image());
    }

    /**
     * Removes a name from an image that has others, else the whole image and the layers no other
     * image uses. The caller must make sure no container uses the image.
     *
     * @return the image as it was before
     */
    public Image remove(String nameOrId) throws IOException, ImageException {
        try (StoreLock _ = StoreLock.acquire(lockFile)) {
            ImageIndex index = repair();
            Match match = require(index.images(), nameOrId);
            Image image = match.image();
            if (match.name() != null && image.names().size() > 1) {
                index.untag(image, match.name());
                index.write(indexFile);
                return image;
            }
            index.remove(image.id());
            List<Digest> unused = index.pruneLayers();
            index.write(indexFile);
            blobs.delete(Digest.parse(image.id()));
            for (Digest layer : unused) {
                layers.remove(layer);
            }
            return image;
        }
    }

    /**
     * The extracted layer directories, top first: overlay's lowerdir order. A layer repeated lower
     * down is left out.
     */
    public List<Path> layerPaths(Image image) {
        // the topmost copy of a repeated layer already shows all of it over everything below
        Set<Path> paths = new LinkedHashSet<>();
        for (String diffId : image.layers().reversed()) {
            paths.add(layers.path(Digest.parse(diffId)));
        }
        return List.copyOf(paths);
    }

    /**
     * {@link #layerPaths}, each a copy with its owners moved by {@code offset} (made on first use),
     * for a pod with a user namespace of its own.
     */
    public List<Path> shiftedLayerPaths(Image image, long offset) throws IOException {
        List<Digest> diffIds = image.layers().reversed().stream().map(Digest::parse).toList();
        if (diffIds.stream().allMatch(d -> layers.hasShifted(d, offset))) {
            return shifted(diffIds, offset);
        }
        // a copy is staged in tmp/, which a command changing the store clears first: make it
        // under the store lock, as they do
        try (StoreLock _ = StoreLock.acquire(lockFile)) {
            repair();
            return shifted(diffIds, offset);
        }
    }

    private List<Path> shifted(List<Digest> diffIds, long offset) throws IOException {
        Set<Path> paths = new LinkedHashSet<>();
        for (Digest diffId : diffIds) {
            paths.add(layers.shifted(diffId, offset));
        }
        return List.copyOf(paths);
    }

    /**
     * @param parallel how many layers may be opened and extracted at once (an archive's one at a
     *     time: they share its file)
     */
    private Image store(ImageIndex index, ArchivedImage archived, int parallel)
            throws IOException, ImageException {
        ConfigFile config = parseConfig(archived.config(), archived.configDigest());
        List<String> diffIds = config.diffIds();
        if (diffIds.size() != archived.layers().size()) {
            throw new ImageException(
                    "image "
                            + archived.configDigest()
                            + ": its config lists "
                            + diffIds.size()
                            + " layers, its manifest "
                            + archived.layers().size());
        }
        Map<Digest, Integer> missing = new LinkedHashMap<>();
        List<Digest> parsed = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            Digest diffId = parseDigest(diffIds.get(i), archived);
            parsed.add(diffId);
            if (!index.hasLayer(diffId)) {
                missing.putIfAbsent(diffId, i);
            }
        }
        for (ExtractedLayer layer : extractAll(archived, missing, parallel)) {
            index.putLayer(layer);
        }
        long size = 0;
        for (Digest diffId : parsed) {
            size += index.layerSize(diffId);
        }
        blobs.put(archived.config());
        List<String> names = new ArrayList<>();
        for (String name : archived.names()) {
            names.add(normalize(name, archived.unqualifiedNamesAreLocal()));
        }
        ContainerConfig containerConfig = config.config();
        return index.put(
                new Image(
                        archived.configDigest().toString(),
                        names,
                        diffIds,
                        containerConfig == null ? ImageConfig.EMPTY : imageConfig(containerConfig),
                        created(config.created()),
                        size));
    }

    /**
     * Extracts layers ({@code missing}: diff id to position), in order, or up to {@code parallel}
     * at once: each into its own staging directory, so they do not meet. The first failure stops
     * the others.
     */
    private List<ExtractedLayer> extractAll(
            ArchivedImage archived, Map<Digest, Integer> missing, int parallel)
            throws IOException, ImageException {
        if (parallel <= 1 || missing.size() <= 1) {
            List<ExtractedLayer> one = new ArrayList<>();
            for (Map.Entry<Digest, Integer> e : missing.entrySet()) {
                one.add(extractOne(archived.layers().get(e.getValue()), e.getKey()));
            }
            return one;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.min(parallel, missing.size()),
                        Thread.ofPlatform().daemon().name("jpod-extract-", 0).factory());
        try {
            List<Future<ExtractedLayer>> running = new ArrayList<>();
            for (Map.Entry<Digest, Integer> e : missing.entrySet()) {
                ArchivedLayer layer = archived.layers().get(e.getValue());
                running.add(pool.submit(() -> extractOne(layer, e.getKey())));
            }
            List<ExtractedLayer> done = new ArrayList<>();
            for (Future<ExtractedLayer> f : running) {
                try {
                    done.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case ImageException image -> throw image;
                        case IOException io -> throw io;
                        case RuntimeException runtime -> throw runtime;
                        default -> throw new IOException(e.getCause());
                    }
                }
            }
            return done;
        } finally {
            pool.shutdownNow();
            try {
                // the others clear their staging directories as they stop
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ExtractedLayer extractOne(ArchivedLayer layer, Digest diffId)
            throws IOException, ImageException {
        try (InputStream in = layer.open()) {
            return layers.extract(in, layer.digest(), Optional.of(diffId));
        } catch (LayerException | ArchiveException e) {
            throw new ImageException("layer " + layer.path() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            // a corrupt compressed stream, mostly: name the layer it is in
            throw new ImageException("layer " + layer.path() + ": " + e.getMessage(), e);
        }
    }

    private static ConfigFile parseConfig(byte[] json, Digest digest) throws ImageException {
        try {
            return Json.read(json, ConfigFile.class);
        } catch (IOException e) {
            throw new ImageException(
                    "image config " + digest + " is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * Clears what an interrupted command left: temporary files, and layers and configs the index
     * does not list.
     */
    private ImageIndex repair() throws IOException {
        if (Files.isDirectory(tmp)) {
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
                for (Path leftover : leftovers) {
                    Trees.deleteRecursively(leftover);
                }
            }
        }
        ImageIndex index = ImageIndex.read(indexFile);
        removeUnlistedLayers(index);
        Set<String> ids = new HashSet<>();
        index.images().forEach(i -> ids.add(i.id()));
        for (Digest blob : blobs.list()) {
            if (!ids.contains(blob.toString())) {
                blobs.delete(blob);
            }
        }
        return index;
    }

    private void removeUnlistedLayers(ImageIndex index) throws IOException {
        for (Digest layer : layers.list()) {
            if (!index.hasLayer(layer)) {
                layers.remove(layer);
            }
        }
    }

    /** An image found by a name or an id; the name is null when found by id. */
    private record Match(Image image, String name, boolean ambiguous) {
        static final Match NONE = new Match(null, null, false);
    }

    private static Match require(List<Image> images, String nameOrId) throws ImageException {
        Match match = resolve(images, nameOrId);
        if (match.image() == null) {
            throw new ImageException(
                    match.ambiguous()
                            ? "image id " + nameOrId + " is ambiguous"
                            : "image not known: " + nameOrId);
        }
        return match;
    }

    private static Match resolve(List<Image> images, String query) {
        Match byName = byName(images, query);
        if (byName.image() != null) {
            return byName;
        }
        String hex = query.startsWith("sha256:") ? query.substring("sha256:".length()) : query;
        if (hex.length() < 3 || !hex.matches("[0-9a-f]+")) {
            return byName;
        }
        List<Image> matches =
                images.stream().filter(i -> i.id().startsWith("sha256:" + hex)).toList();
        return matches.size() == 1
                ? new Match(matches.getFirst(), null, false)
                : new Match(null, null, matches.size() > 1);
    }

    private static Match byName(List<Image> images, String query) {
        List<String> candidates = new ArrayList<>();
        ImageRef ref;
        try {
            ref = ImageRef.parse(query);
            candidates.add(ref.toString());
            if (!ImageRef.hasDomain(query)) {
                candidates.add(ImageRef.parseLocal(query).toString());
            }
        } catch (IllegalArgumentException notAName) {
            return Match.NONE;
        }
        if (ref.digest() != null) {
            String pinned = ref.repository() + "@" + ref.digest();
            for (Image image : images) {
                if (image.digests().contains(pinned)) {
                    return new Match(image, null, false);
                }
            }
        }
        for (String candidate : candidates) {
            for (Image image : images) {
                if (image.names().contains(candidate)) {
                    return new Match(image, candidate, false);
                }
            }
        }
        if (ImageRef.hasDomain(query)) {
            return Match.NONE;
        }
        // a short name also matches the same repository path under any registry, when only one
        // image has it
        String suffix =
                "/"
                        + ImageRef.parseLocal(query).path()
                        + ref.toString().substring(ref.repository().length());
        List<Match> matches = new ArrayList<>();
        for (Image image : images) {
            image.names().stream()
                    .filter(n -> n.endsWith(suffix))
                    .findFirst()
                    .ifPresent(n -> matches.add(new Match(image, n, false)));
        }
        return matches.size() == 1 ? matches.getFirst() : new Match(null, null, matches.size() > 1);
    }

    private static String normalize(String name, boolean local) throws ImageException {
        try {
            return local ? ImageRef.normalizeLocal(name) : ImageRef.normalize(name);
        } catch (IllegalArgumentException e) {
            throw new ImageException(e.getMessage(), e);
        }
    }

    private static Digest parseDigest(String diffId, ArchivedImage image) throws ImageException {
        try {
            return Digest.parse(diffId);
        } catch (IllegalArgumentException e) {
            throw new ImageException(
                    "image " + image.configDigest() + ": bad diff id: " + e.getMessage(), e);
        }
    }

    private static ImageConfig imageConfig(ContainerConfig c) {
        Map<String, Map<String, Object>> ports = c.exposedPorts();
        return new ImageConfig(
                c.entrypoint(),
                c.cmd(),
                c.env(),
                c.workingDir(),
                c.user(),
                c.labels(),
                ports == null ? null : List.copyOf(ports.keySet()),
                c.stopSignal());
    }

    /** RFC 3339 as Go writes it; an image without a valid time counts as created now. */
    private static Instant created(String text) {
        if (text != null) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
