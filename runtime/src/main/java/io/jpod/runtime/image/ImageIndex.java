package io.jpod.runtime.image;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.layer.ExtractedLayer;
import io.jpod.runtime.json.RecordJson;
import io.jpod.runtime.json.UtcInstant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * images.json: the images and the sizes of the layers they use. Only what it lists exists; anything
 * else on disk is left over from an interrupted command. Written whole, by atomic rename, under the
 * store lock.
 */
final class ImageIndex {

    private static final int VERSION = 1;

    /** The file format. */
    record Document(int version, List<Entry> images, Map<String, Long> layers) {}

    /**
     * An image as stored: the time as text, since the mapper has no java.time module; {@code
     * digests} absent in files written before pulls existed.
     */
    record Entry(
            String id,
            List<String> names,
            List<String> layers,
            ImageConfig config,
            String created,
            long size,
            List<String> digests) {}

    private final Map<String, Image> images = new LinkedHashMap<>();
    private final Map<String, Long> layerSizes = new TreeMap<>();

    static ImageIndex read(Path file) throws IOException {
        ImageIndex index = new ImageIndex();
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return index;
        }
        Document document;
        try {
            document = RecordJson.read(json, Document.class);
        } catch (RecordJson.JsonException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (document.version() != VERSION) {
            throw new IOException(file + ": unsupported version " + document.version());
        }
        for (Entry e : document.images()) {
            index.images.put(
                    e.id(),
                    new Image(
                            e.id(),
                            e.names(),
                            e.layers(),
                            e.config(),
                            UtcInstant.parse(e.created()),
                            e.size(),
                            e.digests()));
        }
        index.layerSizes.putAll(document.layers());
        return index;
    }

    void write(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Image i : images.values()) {
            entries.add(
                    new Entry(
                            i.id(),
                            i.names(),
                            i.layers(),
                            i.config(),
                            i.created().toString(),
                            i.size(),
                            i.digests().isEmpty() ? null : i.digests()));
        }
        byte[] json =
                RecordJson.write(new Document(VERSION, entries, layerSizes))
                        .getBytes(StandardCharsets.UTF_8);
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out =
                FileChannel.open(
                        partial,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(json));
            out.force(true);
        }
        Files.move(
                partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    List<Image> images() {
        return List.copyOf(images.values());
    }

    Image get(String id) {
        return images.get(id);
    }

    /**
     * Adds an image, or merges its names into the one with the same id; a name moves from any other
     * image.
     */
    Image put(Image image) {
        Set<String> taken = new HashSet<>(image.names());
        for (Image other : List.copyOf(images.values())) {
            if (!other.id().equals(image.id())
                    && other.names().stream().anyMatch(taken::contains)) {
                images.put(
                        other.id(),
                        withNames(
                                other,
                                other.names().stream().filter(n -> !taken.contains(n)).toList()));
            }
        }
        Image existing = images.get(image.id());
        Image stored = image;
        if (existing != null) {
            List<String> names = new ArrayList<>(existing.names());
            image.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
            stored = withNames(existing, names);
        }
        images.put(stored.id(), stored);
        return stored;
    }

    /** Records the manifest digests an image was pulled by. */
    Image addDigests(Image image, List<String> digests) {
        List<String> all = new ArrayList<>(image.digests());
        digests.stream().filter(d -> !all.contains(d)).forEach(all::add);
        Image stored =
                new Image(
                        image.id(),
                        image.names(),
                        image.layers(),
                        image.config(),
                        image.created(),
                        image.size(),
                        all);
        images.put(image.id(), stored);
        return stored;
    }

    void untag(Image image, String name) {
        images.put(
                image.id(),
                withNames(image, image.names().stream().filter(n -> !n.equals(name)).toList()));
    }

    void remove(String id) {
        images.remove(id);
    }

    Long layerSize(Digest diffId) {
        return layerSizes.get(diffId.toString());
    }

    void putLayer(ExtractedLayer layer) {
        layerSizes.put(layer.diffId().toString(), layer.size());
    }

    /** Drops the layers no image uses any more and returns them. */
    List<Digest> pruneLayers() {
        Set<String> used = new HashSet<>();
        images.values().forEach(i -> used.addAll(i.layers()));
        List<Digest> unused = new ArrayList<>();
        for (String diffId : List.copyOf(layerSizes.keySet())) {
            if (!used.contains(diffId)) {
                layerSizes.remove(diffId);
                unused.add(Digest.parse(diffId));
            }
        }
        return unused;
    }

    boolean hasLayer(Digest diffId) {
        return layerSizes.containsKey(diffId.toString());
    }

    private static Image withNames(Image image, List<String> names) {
        return new Image(
                image.id(),
                names,
                image.layers(),
                image.config(),
                image.created(),
                image.size(),
                image.digests());
    }
}
