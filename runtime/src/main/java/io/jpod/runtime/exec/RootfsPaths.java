package io.jpod.runtime.exec;

import io.jpod.runtime.sys.Libc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Paths inside a container's rootfs (or a volume) as the container would see them: symbolic links,
 * absolute ones included, resolve against that root, never the host. What is created is created
 * through descriptors of directories already resolved inside the root, so a link can never send
 * jpod, which may be root, out of it.
 */
public final class RootfsPaths {

    private static final int MAX_LINKS = 40;
    private static final int DIRECTORY = Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_CLOEXEC;
    // components already resolved are real directories: a link among them now is a swap, refused
    private static final long RESOLVED =
            Libc.RESOLVE_IN_ROOT | Libc.RESOLVE_NO_SYMLINKS | Libc.RESOLVE_NO_MAGICLINKS;

    record Found(Path hostPath, boolean executable) {}

    /** A symbolic link where {@link #beneath} allows none; the message is the link's path. */
    public static final class LinkRefused extends IOException {
        LinkRefused(String path) {
            super(path);
        }
    }

    private RootfsPaths() {}

    /**
     * Makes {@code path} a directory inside {@code root}: symbolic links resolve inside the root
     * (as the container will resolve them), missing components are created there. Returns the
     * directory's host path, free of links.
     */
    public static Path directoryInside(Path root, String path) throws IOException {
        return walk(root, path, true);
    }

    /**
     * Makes the missing components of {@code path} directories beneath {@code root}, refusing every
     * symbolic link on the way: a volume's content is the containers' to change, and the runtime
     * would follow a link there on the host. The last component may be a file.
     */
    public static Path beneath(Path root, String path) throws IOException {
        return walk(root, path, false);
    }

    /** The lines of a file inside {@code root}, links resolved inside it; empty when missing. */
    public static Optional<List<String>> readLines(Path root, String path) throws IOException {
        int rootFd = Libc.openat2(Libc.AT_FDCWD, root.toString(), DIRECTORY, 0);
        try {
            int fd;
            try {
                fd =
                        Libc.openat2(
                                rootFd,
                                path,
                                Libc.O_RDONLY | Libc.O_CLOEXEC,
                                Libc.RESOLVE_IN_ROOT | Libc.RESOLVE_NO_MAGICLINKS);
            } catch (Libc.ErrnoException e) {
                if (e.errno() == Libc.ENOENT || e.errno() == Libc.ENOTDIR) {
                    return Optional.empty();
                }
                throw e;
            }
            try {
                // the descriptor's own /proc entry: the file already resolved, no path walked again
                Path opened = Path.of("/proc/self/fd/" + fd);
                return Files.isRegularFile(opened)
                        ? Optional.of(Files.readAllLines(opened))
                        : Optional.empty();
            } finally {
                Libc.close(fd);
            }
        } finally {
            Libc.close(rootFd);
        }
    }

    private static Path walk(Path root, String path, boolean followLinks) throws IOException {
        int rootFd = Libc.openat2(Libc.AT_FDCWD, root.toString(), DIRECTORY, 0);
        try {
            Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
            List<String> at = new ArrayList<>();
            int links = 0;
            while (!todo.isEmpty()) {
                String name = todo.removeFirst();
                if (name.isEmpty() || name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    if (!at.isEmpty()) {
                        at.removeLast();
                    }
                    continue;
                }
                int dir =
                        Libc.openat2(
                                rootFd,
                                at.isEmpty() ? "." : String.join("/", at),
                                DIRECTORY,
                                RESOLVED);
                try {
                    String target = linkTarget(dir, name);
                    if (target == null) {
                        if (!made(dir, name)) {
                            todo.addFirst(name); // made meanwhile, maybe as a link: look again
                            continue;
                        }
                        target = "";
                    }
                    if (!target.isEmpty()) {
                        String where = "/" + String.join("/", append(at, name));
                        if (!followLinks) {
                            throw new LinkRefused(where);
                        }
                        if (++links > MAX_LINKS) {
                            throw new IOException("too many levels of symbolic links at " + where);
                        }
                        List<String> rest = new ArrayList<>(List.of(target.split("/")));
                        rest.addAll(todo);
                        todo = new ArrayDeque<>(rest);
                        if (target.startsWith("/")) {
                            at.clear();
                        }
                        continue;
                    }
                    if (followLinks || !todo.stream().allMatch(RootfsPaths::noName)) {
                        requireDirectory(dir, name, append(at, name));
                    }
                    at.add(name);
                } finally {
                    Libc.close(dir);
                }
            }
            return at.isEmpty() ? root : root.resolve(String.join("/", at));
        } finally {
            Libc.close(rootFd);
        }
    }

    private static boolean noName(String component) {
        return component.isEmpty() || component.equals(".");
    }

    /** A link's target, "" for an existing non-link, null for a missing name. */
    private static String linkTarget(int dir, String name) throws IOException {
        try {
            String target = Libc.readlinkat(dir, name);
            return target == null ? "" : target;
        } catch (Libc.ErrnoException e) {
            if (e.errno() == Libc.ENOENT) {
                return null;
            }
            throw e;
        }
    }

    /** Creates a missing directory; false when something appeared under that name meanwhile. */
    private static boolean made(int dir, String name) throws IOException {
        try {
            Libc.mkdirat(dir, name, 0755);
            return true;
        } catch (Libc.ErrnoException e) {
            if (e.errno() == Libc.EEXIST) {
                return false;
            }
            throw e;
        }
    }

    private static void requireDirectory(int dir, String name, List<String> where)
            throws IOException {
        try {
            Libc.close(
                    Libc.openat2(
                            dir,
                            name,
                            DIRECTORY | Libc.O_NOFOLLOW,
                            Libc.RESOLVE_NO_SYMLINKS | Libc.RESOLVE_NO_MAGICLINKS));
        } catch (Libc.ErrnoException e) {
            if (e.errno() == Libc.ENOTDIR) {
                throw new IOException("/" + String.join("/", where) + " is not a directory");
            }
            throw e;
        }
    }

    private static List<String> append(List<String> at, String name) {
        List<String> next = new ArrayList<>(at);
        next.add(name);
        return next;
    }

    static Optional<Found> lookPath(Path rootfs, String program, String pathVar)
            throws IOException {
        if (program.contains("/")) {
            return resolve(rootfs, program);
        }
        for (String dir : pathVar.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Optional<Found> f = resolve(rootfs, dir + "/" + program);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Resolves a container path to the host file it names, or empty when it does not exist. */
    static Optional<Found> resolve(Path rootfs, String containerPath) throws IOException {
        Path current = rootfs;
        java.util.ArrayDeque<String> parts =
                new java.util.ArrayDeque<>(java.util.List.of(containerPath.split("/")));
        int links = 0;
        while (!parts.isEmpty()) {
            String part = parts.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(rootfs) ? rootfs : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    return Optional.empty();
                }
                String target = Files.readSymbolicLink(next).toString();
                java.util.List<String> rest =
                        new java.util.ArrayList<>(java.util.List.of(target.split("/")));
                rest.addAll(parts);
                parts = new java.util.ArrayDeque<>(rest);
                if (target.startsWith("/")) {
                    current = rootfs;
                }
                continue;
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            current = next;
        }
        if (!Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new Found(current, false));
        }
        Set<PosixFilePermission> perms =
                Files.getPosixFilePermissions(current, LinkOption.NOFOLLOW_LINKS);
        boolean exec =
                perms.contains(PosixFilePermission.OWNER_EXECUTE)
                        || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                        || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
        return Optional.of(new Found(current, exec));
    }
}
