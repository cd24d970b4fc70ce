package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A layer blob in an archive, compressed or not.
 *
 * @param path where it is in the archive, for messages
 * @param digest the digest of the blob, when the archive states one
 */
public record ArchivedLayer(String path, Optional<Digest> digest, Opener opener) {

    /** Opens the blob's content; the caller verifies it. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException, ArchiveException;
    }

    public InputStream open() throws IOException, ArchiveException {
        return opener.open();
    }
}
