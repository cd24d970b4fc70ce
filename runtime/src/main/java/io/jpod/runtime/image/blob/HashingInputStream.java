package io.jpod.runtime.image.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Computes the digest and size of everything read through it. */
public final class HashingInputStream extends FilterInputStream {

    private final MessageDigest sha256 = Digest.newSha256();
    private long size;

    public HashingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha256.update((byte) b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            size += n;
        }
        return n;
    }

    /** Skipped bytes must be hashed too, so skip reads. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the rest of the stream so the digest covers all of it. */
    public void drain() throws IOException {
        byte[] buffer = new byte[65536];
        while (read(buffer, 0, buffer.length) >= 0) {
            // hashing happens in read
        }
    }

    /** The digest of the bytes read so far; call once, at the end. */
    public Digest digest() {
        return new Digest(HexFormat.of().formatHex(sha256.digest()));
    }

    public long size() {
        return size;
    }
}
