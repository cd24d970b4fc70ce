package io.jpod.runtime.image.layer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a layer tar through to the extractor while keeping what is needed to write the very same
 * bytes again later: every byte except regular files' contents goes to the split as is, and each
 * file's contents as a reference to where it was extracted. That is how {@code save} reproduces a
 * layer whose digest matches the image config's diff id, without keeping the layer twice.
 *
 * <p>It must sit directly under the tar reader, with no buffering between, so that the bytes read
 * between {@link #beginContent} and {@link #endContent} are exactly a file's contents.
 */
public final class TarSplitRecorder extends FilterInputStream
        implements LayerExtractor.ContentMarks {

    private final DataOutputStream split;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
    private String contentPath;
    private long contentSize;

    /** {@code split} receives the records; it is not closed here. */
    TarSplitRecorder(InputStream tar, DataOutputStream split) {
        super(tar);
        this.split = split;
    }

    /** The bytes read from now on are the contents of the file at {@code path} in the layer. */
    @Override
    public void beginContent(String path) throws IOException {
        flushRaw();
        contentPath = path;
        contentSize = 0;
    }

    @Override
    public void endContent() throws IOException {
        byte[] path = contentPath.getBytes(StandardCharsets.UTF_8);
        split.writeByte(TarSplit.FILE);
        split.writeInt(path.length);
        split.write(path);
        split.writeLong(contentSize);
        contentPath = null;
    }

    /** Reads what is left (the end-of-archive blocks and any trailing bytes) and ends the split. */
    void finish() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // recorded in read
        }
        flushRaw();
        split.writeByte(TarSplit.END);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            note(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            note(buffer, offset, n);
        }
        return n;
    }

    /** Skipped bytes are part of the tar too, so skip reads. */
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

    private void note(byte[] buffer, int offset, int n) throws IOException {
        if (contentPath != null) {
            contentSize += n;
            return;
        }
        raw.write(buffer, offset, n);
        if (raw.size() >= 1 << 20) {
            flushRaw();
        }
    }

    private void flushRaw() throws IOException {
        if (raw.size() > 0) {
            split.writeByte(TarSplit.RAW);
            split.writeInt(raw.size());
            raw.writeTo(split);
            raw.reset();
        }
    }
}
