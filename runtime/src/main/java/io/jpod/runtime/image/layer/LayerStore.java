package io.jpod.runtime.image.layer;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.blob.HashingInputStream;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * Extracted layers, one directory per diff id: {@code DIR/<hex>}, each with its {@link TarSplit}
 * beside in {@code tar-split/<hex>} to write the layer's tar again. A layer is extracted into a
 * temporary directory and renamed into place only once both of its digests check out, its split
 * first, so a directory that exists is always complete and verified.
 */
public final class LayerStore {

    private final Path dir;
    private final Path splits;
    private final Path tmp;
    private final LayerExtractor extractor;
    private final ShiftedLayers shifted;

    /** {@code tmp} must be on the same file system as {@code dir}, for atomic renames. */
    public LayerStore(Path dir, Path tmp, LayerExtractor extractor) {
        this.dir = dir;
        this.splits = dir.resolveSibling("tar-split");
        this.tmp = tmp;
        this.extractor = extractor;
        this.shifted = new ShiftedLayers(dir.resolveSibling("layers-shifted"), tmp);
    }

    /** The layer with its owners moved by {@code offset}, for a pod's own user namespace. */
    public Path shifted(Digest diffId, long offset) throws IOException {
        return shifted.of(path(diffId), offset);
    }

    /** Whether {@link #shifted} would find its copy made already. */
    public boolean hasShifted(Digest diffId, long offset) {
        return Files.isDirectory(shifted.target(path(diffId), offset));
    }

    public Path path(Digest diffId) {
        return dir.resolve(diffId.hex());
    }

    public boolean contains(Digest diffId) {
        return Files.isDirectory(path(diffId));
    }

    /**
     * Extracts a layer blob, gzip-compressed or not.
     *
     * @param digest the digest of the blob as given, if known
     * @param diffId the digest of the uncompressed tar, if known
     */
    public ExtractedLayer extract(
            InputStream blob, Optional<Digest> digest, Optional<Digest> diffId)
            throws IOException, LayerException {
        Files.createDirectories(dir);
        Files.createDirectories(tmp);
        Files.createDirectories(splits);
        Path staging = Files.createTempDirectory(tmp, "layer-");
        Path split = Files.createTempFile(tmp, "split-", "");
        try {
            HashingInputStream compressed = new HashingInputStream(blob);
            BufferedInputStream buffered = new BufferedInputStream(compressed, 65536);
            HashingInputStream uncompressed =
                    new HashingInputStream(Compression.detect(buffered).decompress(buffered));
            try (DataOutputStream records =
                    new DataOutputStream(
                            new GZIPOutputStream(Files.newOutputStream(split), 65536))) {
                TarSplitRecorder recorder = new TarSplitRecorder(uncompressed, records);
                extractor.extract(recorder, staging, recorder);
                recorder.finish();
            }
            compressed.drain();
            Digest actualDiffId = uncompressed.digest();
            verify("digest", digest, compressed.digest());
            verify("diff id", diffId, actualDiffId);
            Path target = path(actualDiffId);
            if (!contains(actualDiffId)) {
                Files.move(split, splitPath(actualDiffId), StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new ExtractedLayer(actualDiffId, uncompressed.size());
        } finally {
            Trees.deleteRecursively(staging);
            Files.deleteIfExists(split);
        }
    }

    /**
     * Writes the layer's tar, byte for byte as it was extracted from; the caller checks its digest.
     */
    public void writeTar(Digest diffId, OutputStream out) throws IOException, LayerException {
        Path split = splitPath(diffId);
        if (!Files.exists(split)) {
            throw new LayerException(
                    "layer "
                            + diffId
                            + " was stored by an older jpod, which kept no way to write it again:"
                            + " remove the image and pull or load it again");
        }
        TarSplit.reassemble(split, path(diffId), out);
    }

    /**
     * Removes a layer: renamed away first, so no half-deleted layer is ever seen under its name.
     */
    public void remove(Digest diffId) throws IOException {
        Path layer = path(diffId);
        if (Files.exists(layer)) {
            Files.createDirectories(tmp);
            Path doomed = tmp.resolve("removed-" + diffId.hex());
            Trees.deleteRecursively(doomed);
            Files.move(layer, doomed, StandardCopyOption.ATOMIC_MOVE);
            Trees.deleteRecursively(doomed);
        }
        shifted.remove(diffId.hex());
        Files.deleteIfExists(splitPath(diffId));
    }

    public List<Digest> list() throws IOException {
        List<Digest> layers = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (Digest.isHex(name)) {
                        layers.add(new Digest(name));
                    }
                }
            }
        }
        return layers;
    }

    private Path splitPath(Digest diffId) {
        return splits.resolve(diffId.hex());
    }

    private static void verify(String what, Optional<Digest> expected, Digest actual)
            throws LayerException {
        if (expected.isPresent() && !expected.get().equals(actual)) {
            throw new LayerException(
                    "layer " + what + " mismatch: expected " + expected.get() + ", got " + actual);
        }
    }
}
