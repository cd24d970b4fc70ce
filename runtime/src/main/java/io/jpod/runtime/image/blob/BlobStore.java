package io.jpod.runtime.image.blob;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Small content-addressed blobs (image configs) under {@code DIR/sha256/<hex>}. */
public final class BlobStore {

    private final Path dir;
    private final Path tmp;

    /** {@code tmp} must be on the same file system as {@code dir}, for atomic renames. */
    public BlobStore(Path dir, Path tmp) {
        this.dir = dir.resolve("sha256");
        this.tmp = tmp;
    }

    public Path path(Digest digest) {
        return dir.resolve(digest.hex());
    }

    public boolean contains(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /** Stores content under its own digest and returns that digest. */
    public Digest put(byte[] content) throws IOException {
        Digest digest = Digest.of(content);
        if (!contains(digest)) {
            Files.createDirectories(dir);
            Files.createDirectories(tmp);
            Path partial = Files.createTempFile(tmp, "blob-", "");
            Files.write(partial, content);
            Files.move(
                    partial,
                    path(digest),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return digest;
    }

    /** Reads a blob back, checking it still matches its address. */
    public byte[] read(Digest digest) throws IOException {
        byte[] content = Files.readAllBytes(path(digest));
        if (!Digest.of(content).equals(digest)) {
            throw new IOException(
                    "blob " + digest + " is corrupt: its content no longer matches its digest");
        }
        return content;
    }

    public void delete(Digest digest) throws IOException {
        Files.deleteIfExists(path(digest));
    }

    public List<Digest> list() throws IOException {
        List<Digest> digests = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (Digest.isHex(name)) {
                        digests.add(new Digest(name));
                    }
                }
            }
        }
        return digests;
    }
}
