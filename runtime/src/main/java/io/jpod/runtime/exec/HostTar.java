package io.jpod.runtime.exec;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tar streams of the user's own files, for {@code cp}: the other end of {@link RootedTar}. Links in
 * the tree are kept as links, never followed.
 */
public final class HostTar {

    private HostTar() {}

    /** Writes {@code source} with {@code top} as its top entry; null: the directory's entries. */
    public static void write(Path source, String top, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        if (top == null) {
            for (Path child : children(source)) {
                add(tar, child, child.getFileName().toString());
            }
        } else {
            add(tar, source, top);
        }
        tar.finish();
    }

    /** Extracts into the directory {@code dir}; entries that climb out with .. are refused. */
    public static void read(Path dir, InputStream in) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path target = dir.resolve(entry.getName()).normalize();
            if (!target.startsWith(dir.normalize()) || entry.getName().contains("..")) {
                throw new IOException("refusing tar entry " + entry.getName() + ": it climbs out");
            }
            Set<PosixFilePermission> perms = permissions(entry.getMode());
            if (entry.isDirectory()) {
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, perms);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else if (entry.isFile()) {
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, perms);
                Files.setLastModifiedTime(
                        target, FileTime.from(entry.getLastModifiedTime().toInstant()));
            }
        }
    }

    private static void add(TarArchiveOutputStream tar, Path p, String name) throws IOException {
        PosixFileAttributes attrs =
                Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(p).toString());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        } else if (attrs.isDirectory()) {
            TarArchiveEntry entry = new TarArchiveEntry(name + "/");
            entry.setMode(040000 | mode(attrs.permissions()));
            entry.setModTime(attrs.lastModifiedTime());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            for (Path child : children(p)) {
                add(tar, child, name + "/" + child.getFileName());
            }
        } else if (attrs.isRegularFile()) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode(0100000 | mode(attrs.permissions()));
            entry.setModTime(attrs.lastModifiedTime());
            entry.setSize(attrs.size());
            tar.putArchiveEntry(entry);
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                long copied = in.transferTo(new Bounded(tar, attrs.size()));
                for (long i = copied; i < attrs.size(); i++) {
                    tar.write(0); // shrank while read: the entry keeps its announced size
                }
            }
            tar.closeArchiveEntry();
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    static int mode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                perms.add(p);
            }
        }
        return perms;
    }

    /** Passes on at most {@code limit} bytes: a file that grew while read is cut at its size. */
    private static final class Bounded extends OutputStream {
        private final OutputStream out;
        private long left;

        Bounded(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            if (n > 0) {
                out.write(b, off, n);
                left -= n;
            }
        }
    }
}
