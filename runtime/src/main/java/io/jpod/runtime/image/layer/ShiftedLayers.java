package io.jpod.runtime.image.layer;

import io.jpod.runtime.sys.Libc;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Copies of extracted layers with every owner moved by an offset, for pods with a user namespace of
 * their own: their root is a subordinate id of jpod's namespace, and the original layer's files
 * would show there as nobody's. Idmapped mounts would spare the copy, but overlay (EINVAL) and ext4
 * (EPERM) refuse them inside a user namespace. One copy per layer and offset, kept beside the
 * layers and removed with its layer. Owns the {@code cp} it copies with (which keeps device nodes
 * such as whiteouts, and extended attributes such as overlay's opaque marks).
 */
public final class ShiftedLayers {

    private final Path dir;
    private final Path tmp;

    /** {@code tmp} must be on the same file system as {@code dir}, for atomic renames. */
    public ShiftedLayers(Path dir, Path tmp) {
        this.dir = dir;
        this.tmp = tmp;
    }

    /**
     * The copy of {@code layer} (a directory named by its diff id) shifted by {@code offset}, made
     * on first use; several jpod processes may make it at once, the first rename wins.
     */
    public Path of(Path layer, long offset) throws IOException {
        Path target = target(layer, offset);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Files.createDirectories(tmp);
        Path staging = Files.createTempDirectory(tmp, "shifted-");
        Path copy = staging.resolve("layer");
        try {
            copy(layer, copy);
            shift(copy, offset);
            try {
                Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException raced) {
                // another container or jpod made the same copy meanwhile: it is as good as ours
                // (rename(2)'s ENOTEMPTY comes as a plain FileSystemException)
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
        } finally {
            Trees.deleteRecursively(staging);
        }
        return target;
    }

    /** Where the copy of {@code layer} shifted by {@code offset} is kept. */
    Path target(Path layer, long offset) {
        return dir.resolve(Long.toString(offset)).resolve(layer.getFileName().toString());
    }

    /** Removes every shifted copy of the layer named {@code hex}. */
    public void remove(String hex) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var offsets = Files.newDirectoryStream(dir)) {
            for (Path offset : offsets) {
                Path copy = offset.resolve(hex);
                if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                    Path doomed = Files.createTempDirectory(tmp, "removed-shifted-");
                    Files.move(copy, doomed.resolve("layer"), StandardCopyOption.ATOMIC_MOVE);
                    Trees.deleteRecursively(doomed);
                }
                try {
                    Files.deleteIfExists(offset);
                } catch (DirectoryNotEmptyException otherLayers) {
                    // copies of other layers for this offset remain
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Process p =
                new ProcessBuilder("cp", "-a", "--reflink=auto", from.toString(), to.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("cannot copy layer " + from + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying layer " + from, e);
        }
    }

    /**
     * Moves every owner by {@code offset}, links themselves rather than their targets. A chown
     * clears set-user-id and set-group-id bits, which are put back.
     */
    static void shift(Path root, long offset) throws IOException {
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
                            throws IOException {
                        owner(d, offset);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs)
                            throws IOException {
                        owner(f, offset);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static void owner(Path p, long offset) throws IOException {
        Map<String, Object> a =
                Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        Libc.lchown(
                p,
                (int) ((Integer) a.get("uid") + offset),
                (int) ((Integer) a.get("gid") + offset));
        if ((mode & 06000) != 0 && !Files.isSymbolicLink(p)) {
            Process chmod =
                    new ProcessBuilder("chmod", Integer.toOctalString(mode & 07777), p.toString())
                            .redirectErrorStream(true)
                            .start();
            try {
                if (chmod.waitFor() != 0) {
                    throw new IOException("cannot restore the mode of " + p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
