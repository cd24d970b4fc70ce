package io.jpod.runtime.image.layer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file operations of extraction that need root (in the user namespace) or a native call, so
 * that the extraction logic can be tested by an unprivileged user with a recording fake.
 */
public interface FileOps {

    /** Sets the owner of {@code path} itself, never of a symbolic link's target. */
    void chown(Path path, int uid, int gid) throws IOException, LayerException;

    /** Creates the overlay whiteout for {@code path}: a character device 0/0. */
    void makeWhiteout(Path path) throws IOException;

    /**
     * Marks {@code dir} opaque for overlay mounted with {@code userxattr}: {@code
     * user.overlay.opaque=y}.
     */
    void markOpaque(Path dir) throws IOException;

    /** Creates a named pipe (permissions are set afterwards). */
    void makeFifo(Path path) throws IOException;
}
