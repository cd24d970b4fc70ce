package io.jpod.runtime.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Says what an I/O failure on jpod's own directories means and what to do about it: a full disk, a
 * read-only file system, a store another user owns. The JDK reports these as the bare {@code
 * strerror} text or as a file name without a reason; the user needs to know it is jpod's store,
 * where it is, and how to recover.
 */
public final class StorageFault {

    private StorageFault() {}

    /** The explanation when {@code failure} or one of its causes is such a fault. */
    public static Optional<String> explain(Throwable failure, HostLayout layout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                Optional<String> explained = explain(io, layout);
                if (explained.isPresent()) {
                    return explained;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> explain(IOException e, HostLayout layout) {
        String file = e instanceof FileSystemException fs ? fs.getFile() : null;
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        String where = where(file, layout);
        if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
            return Optional.of(
                    "no space left on device"
                            + at(file)
                            + " in "
                            + where
                            + ": free some space (jpod rmi, jpod volume rm, jpod pod rm) and try"
                            + " again; nothing half-written was kept");
        }
        if (lower.contains("read-only file system")) {
            return Optional.of(where + " is on a read-only file system" + at(file));
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return Optional.of(
                    "permission denied"
                            + at(file)
                            + ": "
                            + where
                            + " is not writable by this user"
                            + owner(layout));
        }
        return Optional.empty();
    }

    private static String where(String file, HostLayout layout) {
        if (file != null && Path.of(file).startsWith(layout.runDir())) {
            return "jpod's run directory " + layout.runDir();
        }
        return "jpod's store " + layout.dataDir();
    }

    private static String at(String file) {
        return file == null ? "" : " (" + file + ")";
    }

    /** Who owns the store, when it is someone else. */
    private static String owner(HostLayout layout) {
        try {
            return " (it belongs to " + Files.getOwner(layout.dataDir()).getName() + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
