package io.jpod.runtime.image.layer;

import io.jpod.runtime.sys.Libc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;

/**
 * The real operations; chown to foreign owners needs uid 0, in the user namespace for rootless use.
 */
public final class NativeFileOps implements FileOps {

    @Override
    public void chown(Path path, int uid, int gid) throws IOException, LayerException {
        try {
            Libc.lchown(path, uid, gid);
        } catch (Libc.ErrnoException e) {
            if (e.errno() == Libc.EINVAL) {
                throw new LayerException(
                        "cannot set owner "
                                + Integer.toUnsignedString(uid)
                                + ":"
                                + Integer.toUnsignedString(gid)
                                + " of "
                                + path.getFileName()
                                + ": the id is not mapped in the user namespace"
                                + " (is the subuid/subgid range of the user large enough?)",
                        e);
            }
            if (e.errno() == Libc.EPERM) {
                throw new LayerException(
                        "cannot set owner "
                                + Integer.toUnsignedString(uid)
                                + ":"
                                + Integer.toUnsignedString(gid)
                                + " of "
                                + path.getFileName()
                                + ": not permitted (layers must be extracted as root of the user"
                                + " namespace)",
                        e);
            }
            throw e;
        }
    }

    @Override
    public void makeWhiteout(Path path) throws IOException {
        Libc.mknod(path, Libc.S_IFCHR, 0L);
    }

    @Override
    public void markOpaque(Path dir) throws IOException {
        UserDefinedFileAttributeView view =
                Files.getFileAttributeView(
                        dir, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void makeFifo(Path path) throws IOException {
        Libc.mknod(path, Libc.S_IFIFO | 0600, 0L);
    }
}
