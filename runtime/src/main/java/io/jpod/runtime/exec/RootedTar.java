package io.jpod.runtime.exec;

import io.jpod.runtime.sys.Libc;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tar streams out of and into a container's root, for {@code cp}. Paths the user gives resolve
 * inside the root as the container sees them ({@code RESOLVE_IN_ROOT}: a link to /etc leads to the
 * container's /etc); below that every step is opened relative to a descriptor of its directory with
 * no link followed, and files are read, written, chowned and chmodded through their own
 * descriptors, so a link, even one swapped in meanwhile, never leads jpod out of the root.
 */
public final class RootedTar {

    private static final int PATH = Libc.O_PATH | Libc.O_CLOEXEC;
    private static final int DIRECTORY = PATH | Libc.O_DIRECTORY;
    private static final long IN_ROOT = Libc.RESOLVE_IN_ROOT | Libc.RESOLVE_NO_MAGICLINKS;
    private static final long HERE =
            Libc.RESOLVE_BENEATH | Libc.RESOLVE_NO_SYMLINKS | Libc.RESOLVE_NO_MAGICLINKS;

    /** What a path names; the last component is not followed. */
    public enum Kind {
        MISSING,
        DIRECTORY,
        OTHER
    }

    /** A write that would have gone through a symbolic link; the message names it. */
    public static final class LinkRefused extends IOException {
        LinkRefused(String message) {
            super(message);
        }
    }

    private RootedTar() {}

    /** What {@code path} is inside {@code root}; its parent directories' links resolve there. */
    public static Kind kind(Path root, String path) throws IOException {
        try (Fd rootFd = Fd.root(root)) {
            Entry e;
            try {
                e = entry(rootFd.fd, path);
            } catch (Libc.ErrnoException ex) {
                if (ex.errno() == Libc.ENOENT || ex.errno() == Libc.ENOTDIR) {
                    return Kind.MISSING;
                }
                throw ex;
            }
            try (e) {
                if (e.name == null) {
                    return Kind.DIRECTORY;
                }
                Path at = proc(e.parent).resolve(e.name);
                if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                    return Kind.MISSING;
                }
                return Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)
                        ? Kind.DIRECTORY
                        : Kind.OTHER;
            }
        }
    }

    /** Whether {@code path} is a directory inside {@code root}, its links resolved there. */
    public static boolean isDirectory(Path root, String path) throws IOException {
        try (Fd rootFd = Fd.root(root)) {
            Libc.close(Libc.openat2(rootFd.fd, path, DIRECTORY, IN_ROOT));
            return true;
        } catch (Libc.ErrnoException e) {
            if (e.errno() == Libc.ENOENT || e.errno() == Libc.ENOTDIR) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Writes {@code path} as a tar stream whose top entry is {@code top}; with {@code top} null,
     * the entries of the directory {@code path} at the top. Devices, sockets and FIFOs are left
     * out.
     */
    public static void write(Path root, String path, String top, OutputStream out)
            throws IOException {
        try (Fd rootFd = Fd.root(root);
                Entry e = entry(rootFd.fd, path)) {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            if (top == null || e.name == null) {
                try (Fd dir =
                        e.name == null
                                ? Fd.of(Libc.openat2(e.parent, ".", DIRECTORY, HERE))
                                : Fd.of(Libc.openat2(e.parent, e.name, DIRECTORY, HERE))) {
                    String prefix = top == null ? "" : top + "/";
                    if (top != null) {
                        addDirectoryEntry(tar, proc(dir.fd), top);
                    }
                    for (String child : children(dir.fd)) {
                        add(tar, dir.fd, child, prefix + child);
                    }
                }
            } else {
                add(tar, e.parent, e.name, top);
            }
            tar.finish();
        }
    }

    /**
     * Extracts a tar stream into the directory {@code dir} inside {@code root}; what it makes is
     * owned by {@code uid}:{@code gid}. Entries that climb out with {@code ..} are refused, and so
     * is any write through a symbolic link.
     */
    public static void read(Path root, String dir, InputStream in, int uid, int gid)
            throws IOException {
        try (Fd rootFd = Fd.root(root);
                Fd target = Fd.of(Libc.openat2(rootFd.fd, dir, DIRECTORY, IN_ROOT))) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                List<String> parts = components(entry.getName());
                if (parts.isEmpty()) {
                    continue;
                }
                try (Fd parent =
                        directories(target.fd, parts.subList(0, parts.size() - 1), uid, gid)) {
                    extract(tar, entry, parent.fd, parts.getLast(), uid, gid);
                }
            }
        }
    }

    private static void extract(
            TarArchiveInputStream tar,
            TarArchiveEntry entry,
            int parent,
            String name,
            int uid,
            int gid)
            throws IOException {
        int mode = entry.getMode() & 07777;
        if (entry.isDirectory()) {
            try (Fd d = directory(parent, name, uid, gid)) {
                Files.setPosixFilePermissions(proc(d.fd), HostTar.permissions(mode));
            }
        } else if (entry.isSymbolicLink()) {
            Path at = proc(parent).resolve(name);
            Files.deleteIfExists(at);
            Files.createSymbolicLink(at, Path.of(entry.getLinkName()));
            Libc.lchown(at, uid, gid);
        } else if (entry.isFile()) {
            int fd;
            try {
                fd =
                        Libc.openat2(
                                parent,
                                name,
                                Libc.O_WRONLY
                                        | Libc.O_CREAT
                                        | Libc.O_TRUNC
                                        | Libc.O_NOFOLLOW
                                        | Libc.O_CLOEXEC,
                                0600,
                                HERE);
            } catch (Libc.ErrnoException e) {
                if (e.errno() == Libc.ELOOP) {
                    throw new LinkRefused(
                            "refusing to write " + entry.getName() + ": it is a symbolic link");
                }
                throw e;
            }
            try (Fd file = Fd.of(fd);
                    OutputStream out = new FileOutputStream(proc(file.fd).toFile())) {
                tar.transferTo(out);
                Libc.fchown(file.fd, uid, gid);
                Files.setPosixFilePermissions(proc(file.fd), HostTar.permissions(mode));
                Files.setLastModifiedTime(
                        proc(file.fd), FileTime.from(entry.getLastModifiedTime().toInstant()));
            }
        }
    }

    /** Opens, making them where missing, the directories below {@code from}; never a link. */
    private static Fd directories(int from, List<String> names, int uid, int gid)
            throws IOException {
        Fd at = Fd.of(Libc.openat2(from, ".", DIRECTORY, HERE));
        for (String name : names) {
            try (Fd parent = at) {
                at = directory(parent.fd, name, uid, gid);
            }
        }
        return at;
    }

    private static Fd directory(int parent, String name, int uid, int gid) throws IOException {
        boolean made = false;
        try {
            Libc.mkdirat(parent, name, 0755);
            made = true;
        } catch (Libc.ErrnoException e) {
            if (e.errno() != Libc.EEXIST) {
                throw e;
            }
        }
        Fd d;
        try {
            d = Fd.of(Libc.openat2(parent, name, DIRECTORY | Libc.O_NOFOLLOW, HERE));
        } catch (Libc.ErrnoException e) {
            if (e.errno() == Libc.ELOOP || e.errno() == Libc.ENOTDIR) {
                throw new LinkRefused(
                        "refusing to write below " + name + ": it is not a directory of the root");
            }
            throw e;
        }
        if (made) {
            Libc.fchown(d.fd, uid, gid);
        }
        return d;
    }

    private static void add(TarArchiveOutputStream tar, int dir, String name, String entryName)
            throws IOException {
        Path at = proc(dir).resolve(name);
        PosixFileAttributes attrs =
                Files.readAttributes(at, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            TarArchiveEntry entry = new TarArchiveEntry(entryName, TarConstants.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(at).toString());
            entry.setModTime(attrs.lastModifiedTime());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        } else if (attrs.isDirectory()) {
            try (Fd d = Fd.of(Libc.openat2(dir, name, DIRECTORY | Libc.O_NOFOLLOW, HERE))) {
                addDirectoryEntry(tar, proc(d.fd), entryName);
                for (String child : children(d.fd)) {
                    add(tar, d.fd, child, entryName + "/" + child);
                }
            }
        } else if (attrs.isRegularFile()) {
            try (Fd f =
                            Fd.of(
                                    Libc.openat2(
                                            dir,
                                            name,
                                            Libc.O_RDONLY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC,
                                            HERE));
                    InputStream in = new FileInputStream(proc(f.fd).toFile())) {
                PosixFileAttributes now =
                        Files.readAttributes(proc(f.fd), PosixFileAttributes.class);
                TarArchiveEntry entry = new TarArchiveEntry(entryName);
                entry.setSize(now.size());
                entry.setMode(
                        TarArchiveEntry.DEFAULT_FILE_MODE & ~0777
                                | HostTar.mode(now.permissions()));
                entry.setModTime(now.lastModifiedTime());
                tar.putArchiveEntry(entry);
                long left = now.size();
                byte[] buf = new byte[65536];
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        // shrank while read: the entry keeps the size it announced
                        n = (int) Math.min(buf.length, left);
                        java.util.Arrays.fill(buf, 0, n, (byte) 0);
                    }
                    tar.write(buf, 0, n);
                    left -= n;
                }
                tar.closeArchiveEntry();
            }
        }
    }

    private static void addDirectoryEntry(TarArchiveOutputStream tar, Path dir, String entryName)
            throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(dir, PosixFileAttributes.class);
        TarArchiveEntry entry = new TarArchiveEntry(entryName + "/");
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | HostTar.mode(attrs.permissions()));
        entry.setModTime(attrs.lastModifiedTime());
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static List<String> children(int dir) throws IOException {
        try (Stream<Path> list = Files.list(proc(dir))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A path's parent directory opened inside the root, and its last name (null for the root). */
    private record Entry(int parent, String name) implements AutoCloseable {
        @Override
        public void close() {
            Libc.close(parent);
        }
    }

    private static Entry entry(int rootFd, String path) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return new Entry(Libc.openat2(rootFd, ".", DIRECTORY, IN_ROOT), null);
        }
        String parent = String.join("/", parts.subList(0, parts.size() - 1));
        return new Entry(
                Libc.openat2(rootFd, parent.isEmpty() ? "." : parent, DIRECTORY, IN_ROOT),
                parts.getLast());
    }

    private static List<String> components(String name) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new IOException("refusing tar entry " + name + ": it climbs out with ..");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static Path proc(int fd) {
        return Path.of("/proc/self/fd/" + fd);
    }

    /** A descriptor, closed once. */
    private record Fd(int fd) implements AutoCloseable {
        static Fd of(int fd) {
            return new Fd(fd);
        }

        static Fd root(Path root) throws IOException {
            return new Fd(Libc.openat2(Libc.AT_FDCWD, root.toString(), DIRECTORY, 0));
        }

        @Override
        public void close() {
            Libc.close(fd);
        }
    }
}
