package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.layer.Compression;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An image archive opened for random access: index and manifests may come after the blobs they
 * name. A gzip-compressed archive is first decompressed to a temporary file. Links inside the
 * archive are followed (docker save links identical layers), but never out of it.
 */
public final class ArchiveFile implements Closeable {

    private static final int MAX_LINKS = 16;

    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();
    private final Path decompressed;

    private ArchiveFile(TarFile tar, Path decompressed) {
        this.tar = tar;
        this.decompressed = decompressed;
        for (TarArchiveEntry entry : tar.getEntries()) {
            String name = normalize(entry.getName());
            if (name != null && !entry.isDirectory()) {
                entries.put(name, entry);
            }
        }
    }

    /** Opens an archive; {@code tmp} receives the decompressed copy of a compressed one. */
    public static ArchiveFile open(Path archive, Path tmp) throws IOException, ArchiveException {
        Compression compression;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            compression = Compression.detect(in);
        }
        Path decompressed = null;
        Path tarPath = archive;
        if (compression == Compression.GZIP) {
            Files.createDirectories(tmp);
            decompressed = Files.createTempFile(tmp, "archive-", ".tar");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 65536)) {
                Files.copy(in, decompressed, StandardCopyOption.REPLACE_EXISTING);
            }
            tarPath = decompressed;
        } else if (compression != Compression.NONE) {
            throw new ArchiveException(
                    archive
                            + ": "
                            + compression.name().toLowerCase(java.util.Locale.ROOT)
                            + " compressed archives are not supported");
        }
        try {
            return new ArchiveFile(new TarFile(tarPath, "UTF-8"), decompressed);
        } catch (IOException e) {
            if (decompressed != null) {
                Files.deleteIfExists(decompressed);
            }
            throw new ArchiveException(archive + " is not a tar archive: " + e.getMessage(), e);
        }
    }

    public boolean contains(String name) {
        return entries.containsKey(normalize(name));
    }

    /** The content of a file of the archive, following links. */
    public InputStream open(String name) throws IOException, ArchiveException {
        return tar.getInputStream(resolve(name));
    }

    /** A small file (JSON) read whole. */
    public byte[] read(String name, int maxSize) throws IOException, ArchiveException {
        TarArchiveEntry entry = resolve(name);
        if (entry.getSize() > maxSize) {
            throw new ArchiveException(
                    "archive entry " + name + " is too large (" + entry.getSize() + " bytes)");
        }
        try (InputStream in = tar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private TarArchiveEntry resolve(String name) throws ArchiveException {
        String current = normalize(name);
        for (int hops = 0; hops <= MAX_LINKS; hops++) {
            TarArchiveEntry entry = current == null ? null : entries.get(current);
            if (entry == null) {
                throw new ArchiveException("archive has no file " + name);
            }
            if (entry.isSymbolicLink()) {
                String link = entry.getLinkName();
                int slash = current.lastIndexOf('/');
                current =
                        link.startsWith("/")
                                ? null
                                : normalize(
                                        slash < 0 ? link : current.substring(0, slash + 1) + link);
            } else if (entry.isLink()) {
                current = normalize(entry.getLinkName());
            } else if (entry.isFile()) {
                return entry;
            } else {
                throw new ArchiveException("archive entry " + name + " is not a file");
            }
        }
        throw new ArchiveException("archive entry " + name + ": too many links");
    }

    /** Lexically normalised, relative; null for names that climb out of the archive. */
    private static String normalize(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            switch (part) {
                case "", "." -> {}
                case ".." -> {
                    if (parts.isEmpty()) {
                        return null;
                    }
                    parts.removeLast();
                }
                default -> parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    @Override
    public void close() throws IOException {
        try {
            tar.close();
        } finally {
            if (decompressed != null) {
                Files.deleteIfExists(decompressed);
            }
        }
    }
}
