package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.exec.HostTar;
import io.jpod.runtime.exec.RootedTar;
import io.jpod.runtime.spec.MountSpec;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.storage.Overlay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code cp}: files between the host and a container's root, with podman's (docker's) rules for
 * where they land: into an existing directory under their own name, else under the destination's
 * name; {@code SRC/.} copies a directory's content. Everything passes as a tar stream through
 * {@link RootedTar}, so no link in the container leads out of its root. Files copied in belong to
 * the container's user, as podman's {@code --archive} default has it.
 */
final class ContainerCopy {

    private final Lookups lookups;

    ContainerCopy(Runtime rt, Lookups lookups) {
        this.lookups = lookups;
    }

    /** {@code cp CTR:PATH DEST}. */
    void out(String container, String containerPath, String destination)
            throws JpodException, IOException {
        Path dest = Path.of(destination);
        ContainerRecord c = app(container);
        Target t = target(c, containerPath, false);
        Path root = t.root();
        String path = t.path();
        RootedTar.Kind kind = RootedTar.kind(root, path);
        if (kind == RootedTar.Kind.MISSING) {
            throw missing(c, containerPath);
        }
        boolean contents = contentsOnly(path);
        Path into;
        String top;
        if (Files.isDirectory(dest)) {
            into = dest;
            top = contents ? null : baseName(path);
        } else {
            if (Files.exists(dest) && kind == RootedTar.Kind.DIRECTORY) {
                throw new PodException("cannot copy directory " + path + " onto file " + dest);
            }
            if (!Files.exists(dest) && destination.endsWith("/")) {
                throw new PodException("no such directory: " + dest);
            }
            into = dest.toAbsolutePath().getParent();
            if (!Files.isDirectory(into)) {
                throw new PodException("no such directory: " + into);
            }
            top = dest.getFileName().toString();
            if (kind == RootedTar.Kind.DIRECTORY && contents) {
                Files.createDirectory(dest);
                into = dest;
                top = null;
            }
        }
        String topName = top;
        Path target = into;
        piped(out -> RootedTar.write(root, path, topName, out), in -> HostTar.read(target, in));
    }

    /** {@code cp CTR:PATH -}: a tar stream of PATH. */
    void outTar(String container, String containerPath, OutputStream out)
            throws JpodException, IOException {
        ContainerRecord c = app(container);
        Target t = target(c, containerPath, false);
        Path root = t.root();
        String path = t.path();
        if (RootedTar.kind(root, path) == RootedTar.Kind.MISSING) {
            throw missing(c, containerPath);
        }
        RootedTar.write(root, path, contentsOnly(path) ? null : baseName(path), out);
        out.flush();
    }

    /** {@code cp SRC CTR:PATH}. */
    void in(String from, String container, String containerPath) throws JpodException, IOException {
        Path source = Path.of(from);
        ContainerRecord c = app(container);
        Target t = target(c, containerPath, true);
        Path root = t.root();
        String path = t.path();
        if (!Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new PodException("no such file or directory: " + source);
        }
        boolean sourceDir = Files.isDirectory(source);
        boolean contents = contentsOnly(from);
        // a link to a directory is followed, inside the root, as the container would
        RootedTar.Kind kind =
                RootedTar.isDirectory(root, path)
                        ? RootedTar.Kind.DIRECTORY
                        : RootedTar.kind(root, path);
        String into;
        String top;
        if (kind == RootedTar.Kind.DIRECTORY) {
            into = path;
            top = contents ? null : source.toAbsolutePath().normalize().getFileName().toString();
        } else {
            if (kind == RootedTar.Kind.OTHER && sourceDir) {
                throw new PodException(
                        "cannot copy directory "
                                + source
                                + " onto file "
                                + c.name()
                                + ":"
                                + containerPath);
            }
            if (kind == RootedTar.Kind.MISSING && path.endsWith("/")) {
                throw missing(c, containerPath);
            }
            into = parent(path);
            if (!RootedTar.isDirectory(root, into)) {
                throw missing(c, into);
            }
            top = baseName(path);
            if (sourceDir && contents) {
                // the directory's entries, under the new name
                into = path;
                top = null;
                RootedTar.read(root, parent(path), emptyDirectory(baseName(path)), uid(c), gid(c));
            }
        }
        String topName = top;
        String target = into;
        piped(
                out -> HostTar.write(source, topName, out),
                in -> RootedTar.read(root, target, in, uid(c), gid(c)));
    }

    /** {@code cp - CTR:DIR}: a tar stream extracted into a directory. */
    void inTar(InputStream tar, String container, String containerPath)
            throws JpodException, IOException {
        ContainerRecord c = app(container);
        Target t = target(c, containerPath, true);
        Path root = t.root();
        String path = t.path();
        if (RootedTar.kind(root, path) != RootedTar.Kind.DIRECTORY) {
            throw new PodException(
                    "destination "
                            + c.name()
                            + ":"
                            + path
                            + " must be a directory for a tar stream");
        }
        RootedTar.read(root, path, tar, uid(c), gid(c));
    }

    private ContainerRecord app(String container) throws JpodException, IOException {
        ContainerRecord c = lookups.container(container).container();
        if (c.infra()) {
            throw new PodException(c.name() + " is an infra container: it has no files of its own");
        }
        return c;
    }

    /** Where a container path's files are: a volume mounted there, or else the root. */
    private record Target(Path root, String path) {}

    /**
     * A path at or below the mount point of a volume directory is that volume's, as the container
     * sees it; links in it then resolve inside the volume.
     */
    private static Target target(ContainerRecord c, String path, boolean writing)
            throws IOException, PodException {
        String normal = Path.of("/").resolve(path).normalize().toString();
        ContainerPlan plan = c.spec() == null ? null : c.spec().container();
        if (plan != null) {
            List<Path> sources = MountSpec.sources(c.spec());
            int best = -1;
            for (int i = 0; i < plan.mounts().size(); i++) {
                String dest =
                        Path.of("/")
                                .resolve(plan.mounts().get(i).destination())
                                .normalize()
                                .toString();
                boolean under = normal.equals(dest) || normal.startsWith(dest + "/");
                if (under
                        && Files.isDirectory(sources.get(i))
                        && (best < 0
                                || dest.length()
                                        > plan.mounts().get(best).destination().length())) {
                    best = i;
                }
            }
            if (best >= 0) {
                ContainerPlan.MountPlan m = plan.mounts().get(best);
                if (writing && m.readOnly()) {
                    throw new PodException(
                            m.destination() + " is mounted read-only in " + c.name());
                }
                String dest = Path.of("/").resolve(m.destination()).normalize().toString();
                String rest = normal.substring(dest.length());
                return new Target(
                        sources.get(best),
                        (rest.isEmpty() ? "/" : rest)
                                + (path.endsWith("/.") ? "/." : path.endsWith("/") ? "/" : ""));
            }
        }
        return new Target(root(c), path);
    }

    private static Path root(ContainerRecord c) throws IOException, PodException {
        Path root = Path.of(c.rootfs());
        if (c.overlay() && !Overlay.isMountPoint(root)) {
            throw new PodException(
                    "the root of " + c.name() + " is not mounted: start its pod first");
        }
        return root;
    }

    private static int uid(ContainerRecord c) {
        return c.spec() == null ? 0 : (int) c.spec().uid();
    }

    private static int gid(ContainerRecord c) {
        return c.spec() == null ? 0 : (int) c.spec().gid();
    }

    private static PodException missing(ContainerRecord c, String path) {
        return new PodException("no such file or directory: " + c.name() + ":" + path);
    }

    private static boolean contentsOnly(String path) {
        return path.endsWith("/.");
    }

    private static String baseName(String path) {
        Path p = Path.of("/").resolve(path.replaceAll("/\\.?$", "")).normalize();
        return p.getFileName() == null ? "." : p.getFileName().toString();
    }

    private static String parent(String path) {
        Path p = Path.of("/").resolve(path).normalize().getParent();
        return p == null ? "/" : p.toString();
    }

    /** A tar stream holding one empty directory. */
    private static InputStream emptyDirectory(String name) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var tar =
                new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            tar.putArchiveEntry(
                    new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name + "/"));
            tar.closeArchiveEntry();
        }
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private interface Reader {
        void read(InputStream in) throws IOException;
    }

    /** The writer on a thread of its own, the reader here; the first failure is thrown. */
    private static void piped(Writer writer, Reader reader) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        FutureTask<Void> writing =
                new FutureTask<>(
                        () -> {
                            try (out) {
                                writer.write(out);
                            }
                            return null;
                        });
        Thread.ofVirtual().start(writing);
        try (in) {
            reader.read(in);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            writing.cancel(true);
            throw e;
        }
        try {
            writing.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying", e);
        }
    }
}
