package io.jpod.runtime.image.layer;

import io.jpod.runtime.sys.Libc;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a layer tar into a directory in the form kernel overlay reads with {@code userxattr}.
 *
 * <p>No entry may land outside the directory: names are normalised lexically and may not climb
 * above it, and every parent of every entry must be a real directory of the layer, so nothing is
 * written through a symbolic link. Symbolic links themselves may point anywhere: they are resolved
 * inside the container.
 */
public final class LayerExtractor {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final int DEFAULT_DIR_MODE = 0755;
    private static final long MAX_ID = 0xFFFF_FFFEL;

    private final FileOps ops;
    private final Consumer<String> warnings;

    public LayerExtractor(FileOps ops, Consumer<String> warnings) {
        this.ops = ops;
        this.warnings = warnings;
    }

    /** Told where each regular file's contents start and end in the tar stream. */
    interface ContentMarks {
        ContentMarks NONE =
                new ContentMarks() {
                    @Override
                    public void beginContent(String path) {}

                    @Override
                    public void endContent() {}
                };

        /** {@code path} is relative to the layer root. */
        void beginContent(String path) throws IOException;

        void endContent() throws IOException;
    }

    /**
     * Extracts an uncompressed tar stream into {@code root}, an empty directory. Reads up to the
     * end-of-archive marker and leaves {@code tar} open.
     */
    public void extract(InputStream tar, Path root) throws IOException, LayerException {
        new Run(root, ContentMarks.NONE).extract(tar);
    }

    /** As {@link #extract(InputStream, Path)}, telling {@code marks} where file contents are. */
    void extract(InputStream tar, Path root, ContentMarks marks)
            throws IOException, LayerException {
        new Run(root, marks).extract(tar);
    }

    /** Mode and mtime of a directory, applied once all its entries are in. */
    private record DirMetadata(int mode, FileTime mtime) {}

    /** The state of one extraction. */
    private final class Run {
        private final Path root;
        private final Map<Path, DirMetadata> directories = new LinkedHashMap<>();
        private final ContentMarks marks;

        /**
         * File contents are copied in chunks of this, not transferTo's 16 KiB: each chunk is a read
         * through the decompressor and both hashes and a write call, and layers are mostly big
         * files.
         */
        private final byte[] copyBuffer = new byte[128 << 10];

        Run(Path root, ContentMarks marks) {
            this.root = root;
            this.marks = marks;
            directories.put(root, new DirMetadata(DEFAULT_DIR_MODE, null));
        }

        void extract(InputStream tar) throws IOException, LayerException {
            // not closed: that would close the caller's stream, which still has to be read to its
            // end for the digest
            TarArchiveInputStream entries = new TarArchiveInputStream(tar, "UTF-8");
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                write(entry, entries);
            }
            for (Map.Entry<Path, DirMetadata> dir : directories.entrySet()) {
                // after the entries: writing into a directory changes its mtime, and 0555 would
                // keep them out
                chmod(dir.getKey(), dir.getValue().mode());
                if (dir.getValue().mtime() != null) {
                    setTimes(dir.getKey(), dir.getValue().mtime());
                }
            }
        }

        private void write(TarArchiveEntry entry, InputStream content)
                throws IOException, LayerException {
            String name = entry.getName();
            LayerPath path = LayerPath.parse(name);
            if (path.isRoot()) {
                if (!entry.isDirectory()) {
                    throw new LayerException(
                            "layer entry " + name + " would replace the layer root");
                }
                directory(root, entry);
                return;
            }
            Path parent = parentDirectory(path, name);
            String fileName = path.fileName();
            if (fileName.equals(OPAQUE_MARKER)) {
                ops.markOpaque(parent);
            } else if (fileName.startsWith(WHITEOUT_PREFIX)) {
                whiteout(parent, fileName.substring(WHITEOUT_PREFIX.length()), name);
            } else {
                Path target = parent.resolve(fileName);
                if (entry.isDirectory()) {
                    directory(target, entry);
                } else if (entry.isSymbolicLink()) {
                    symlink(target, entry);
                } else if (entry.isLink()) {
                    hardLink(target, entry);
                } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
                    warnings.accept(
                            "skipping device node "
                                    + path
                                    + " of a layer: devices cannot be created in a user namespace");
                } else if (entry.isFIFO()) {
                    replace(target);
                    ops.makeFifo(target);
                    finish(target, entry);
                } else if (entry.isFile()) {
                    regularFile(target, entry, content);
                } else {
                    warnings.accept(
                            "skipping layer entry "
                                    + path
                                    + " of unsupported tar type '"
                                    + (char) entry.getLinkFlag()
                                    + "'");
                }
            }
        }

        /**
         * Walks to the parent of {@code path}, creating missing directories, refusing anything but
         * directories.
         */
        private Path parentDirectory(LayerPath path, String name)
                throws IOException, LayerException {
            Path dir = root;
            for (String component : path.parents()) {
                dir = dir.resolve(component);
                BasicFileAttributes attributes = attributesOrNull(dir);
                if (attributes == null) {
                    Files.createDirectory(dir);
                    directories.put(dir, new DirMetadata(DEFAULT_DIR_MODE, null));
                } else if (attributes.isSymbolicLink()) {
                    throw new LayerException(
                            "layer entry "
                                    + name
                                    + " would be written through the symbolic link "
                                    + root.relativize(dir));
                } else if (!attributes.isDirectory()) {
                    throw new LayerException(
                            "layer entry "
                                    + name
                                    + ": "
                                    + root.relativize(dir)
                                    + " is not a directory");
                }
            }
            return dir;
        }

        private void whiteout(Path parent, String hidden, String name)
                throws IOException, LayerException {
            if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
                throw new LayerException("layer entry " + name + " is not a valid whiteout");
            }
            Path target = parent.resolve(hidden);
            // a whiteout hides lower layers only: a file of this same layer stays
            if (attributesOrNull(target) == null) {
                ops.makeWhiteout(target);
            }
        }

        private void directory(Path target, TarArchiveEntry entry)
                throws IOException, LayerException {
            BasicFileAttributes existing = attributesOrNull(target);
            if (existing == null || !existing.isDirectory()) {
                replace(target);
                Files.createDirectory(target);
            }
            chown(target, entry);
            directories.put(
                    target, new DirMetadata(entry.getMode() & 07777, entry.getLastModifiedTime()));
        }

        private void regularFile(Path target, TarArchiveEntry entry, InputStream content)
                throws IOException, LayerException {
            replace(target);
            // CREATE_NEW (O_EXCL) never follows a symbolic link, should one be there after all
            try (OutputStream out =
                    Files.newOutputStream(
                            target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                marks.beginContent(root.relativize(target).toString());
                int n;
                while ((n = content.read(copyBuffer)) > 0) {
                    out.write(copyBuffer, 0, n);
                }
                marks.endContent();
            }
            finish(target, entry);
        }

        private void symlink(Path target, TarArchiveEntry entry)
                throws IOException, LayerException {
            String linkName = entry.getLinkName();
            if (linkName == null || linkName.isEmpty() || linkName.indexOf('\0') >= 0) {
                throw new LayerException(
                        "layer entry "
                                + entry.getName()
                                + " is a symbolic link without a valid target");
            }
            replace(target);
            Files.createSymbolicLink(target, Path.of(linkName));
            chown(target, entry);
            setTimes(target, entry.getLastModifiedTime());
        }

        private void hardLink(Path target, TarArchiveEntry entry)
                throws IOException, LayerException {
            String name = entry.getName();
            LayerPath sourcePath;
            try {
                sourcePath = LayerPath.parse(entry.getLinkName());
            } catch (LayerException e) {
                throw new LayerException(
                        "layer entry "
                                + name
                                + " is a hard link to "
                                + entry.getLinkName()
                                + ", outside the layer",
                        e);
            }
            Path source = existingEntry(sourcePath, name);
            if (source.equals(target)) {
                return;
            }
            replace(target);
            // link(2) links a symbolic link itself, never its target
            Files.createLink(target, source);
        }

        /** An entry extracted before, reached through real directories only. */
        private Path existingEntry(LayerPath path, String name) throws IOException, LayerException {
            Path current = root;
            for (String component : path.components()) {
                BasicFileAttributes parent = attributesOrNull(current);
                if (parent == null || !parent.isDirectory()) {
                    throw new LayerException(
                            "layer entry "
                                    + name
                                    + " is a hard link through "
                                    + root.relativize(current)
                                    + ", which is not a directory of the layer");
                }
                current = current.resolve(component);
            }
            BasicFileAttributes attributes = attributesOrNull(current);
            if (path.isRoot() || attributes == null || attributes.isDirectory()) {
                throw new LayerException(
                        "layer entry "
                                + name
                                + " is a hard link to "
                                + path
                                + ", which is not a file of the layer");
            }
            return current;
        }

        /** Clears the way for a new entry; a directory stays only if a directory replaces it. */
        private void replace(Path target) throws IOException {
            BasicFileAttributes existing = attributesOrNull(target);
            if (existing == null) {
                return;
            }
            if (existing.isDirectory()) {
                Trees.deleteRecursively(target);
                directories.keySet().removeIf(dir -> dir.startsWith(target));
            } else {
                Files.delete(target);
            }
        }

        /** Owner, then mode (chown clears set-id bits), then mtime. */
        private void finish(Path target, TarArchiveEntry entry) throws IOException, LayerException {
            chown(target, entry);
            chmod(target, entry.getMode() & 07777);
            setTimes(target, entry.getLastModifiedTime());
        }

        private void chown(Path target, TarArchiveEntry entry) throws IOException, LayerException {
            long uid = entry.getLongUserId();
            long gid = entry.getLongGroupId();
            if (uid < 0 || uid > MAX_ID || gid < 0 || gid > MAX_ID) {
                throw new LayerException(
                        "layer entry "
                                + entry.getName()
                                + " has an invalid owner "
                                + uid
                                + ":"
                                + gid);
            }
            try {
                ops.chown(target, (int) uid, (int) gid);
            } catch (LayerException e) {
                throw new LayerException(
                        "layer entry " + entry.getName() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * chmod(2) follows links, so this is never called on one: only on what extraction just created.
     */
    private static void chmod(Path path, int mode) throws IOException {
        Files.setAttribute(path, "unix:mode", mode);
    }

    /** By path: neither follows a link nor opens a FIFO. */
    private static void setTimes(Path path, FileTime mtime) throws IOException {
        Libc.setMtime(path, mtime.toInstant());
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
