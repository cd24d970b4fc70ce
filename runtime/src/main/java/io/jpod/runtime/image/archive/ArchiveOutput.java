package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.blob.HashingOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The tar an archive writer fills: small files from bytes, layers streamed from the store with
 * their digest checked as they pass, each path written once however many images share it.
 */
final class ArchiveOutput {

    private final TarArchiveOutputStream tar;
    private final LayerSource layers;
    private final Set<String> written = new HashSet<>();

    ArchiveOutput(OutputStream out, LayerSource layers) {
        this.tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.layers = layers;
    }

    void file(String name, byte[] content) throws IOException {
        if (written.add(name)) {
            TarArchiveEntry entry = entry(name, content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
    }

    /** Writes a layer's tar; its bytes must hash to its diff id, or the archive would not load. */
    void layer(String name, SavedImage.SavedLayer layer) throws IOException, ArchiveException {
        if (!written.add(name)) {
            return;
        }
        tar.putArchiveEntry(entry(name, layer.size()));
        HashingOutputStream hashing = new HashingOutputStream(tar);
        layers.write(layer.diffId(), hashing);
        Digest actual = hashing.digest();
        if (!actual.equals(layer.diffId())) {
            throw new ArchiveException(
                    "layer "
                            + layer.diffId()
                            + " no longer has the contents it was stored with (its tar hashes to "
                            + actual
                            + "): remove the image and pull or load it again");
        }
        tar.closeArchiveEntry();
    }

    void finish() throws IOException {
        tar.finish();
        tar.flush();
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0644);
        return entry;
    }
}
