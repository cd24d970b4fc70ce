package io.jpod.runtime.image.blob;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Computes the digest of everything written through it; closing it leaves the stream below open.
 */
public final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256 = Digest.newSha256();

    public HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        sha256.update((byte) b);
        out.write(b);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        sha256.update(buffer, offset, length);
        out.write(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** The digest of the bytes written so far; call once, at the end. */
    public Digest digest() {
        return new Digest(HexFormat.of().formatHex(sha256.digest()));
    }
}
