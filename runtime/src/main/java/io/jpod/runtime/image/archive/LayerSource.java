package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the uncompressed tar of a stored layer. */
@FunctionalInterface
public interface LayerSource {

    void write(Digest diffId, OutputStream out) throws IOException, ArchiveException;
}
