package io.jpod.runtime.image.archive;

/**
 * An archive that is not a well-formed OCI or docker archive, or whose content does not match its
 * digests.
 */
public final class ArchiveException extends Exception {

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
