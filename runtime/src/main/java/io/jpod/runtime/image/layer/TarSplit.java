package io.jpod.runtime.image.layer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The split of a layer tar that {@link TarSplitRecorder} wrote: a gzip stream of records, each a
 * tag byte then {@code RAW}: int length and the bytes; {@code FILE}: int length, the UTF-8 path
 * inside the layer and the long size of the contents; {@code END}.
 */
public final class TarSplit {

    static final int RAW = 'R';
    static final int FILE = 'F';
    static final int END = 'E';

    private TarSplit() {}

    /**
     * Writes the original tar again from the split and the extracted layer. A file that no longer
     * has the contents it was extracted with shows as a digest mismatch at the caller.
     */
    public static void reassemble(Path split, Path layer, OutputStream out)
            throws IOException, LayerException {
        try (DataInputStream records =
                new DataInputStream(
                        new BufferedInputStream(
                                new GZIPInputStream(Files.newInputStream(split), 65536)))) {
            while (true) {
                int tag = records.readByte();
                switch (tag) {
                    case RAW -> copy(records, records.readInt(), out, split);
                    case FILE -> {
                        byte[] path = new byte[records.readInt()];
                        records.readFully(path);
                        long size = records.readLong();
                        contents(layer, new String(path, StandardCharsets.UTF_8), size, out);
                    }
                    case END -> {
                        return;
                    }
                    default -> throw new LayerException(split + ": unknown record " + tag);
                }
            }
        } catch (EOFException e) {
            throw new LayerException(split + " is truncated");
        }
    }

    private static void contents(Path layer, String path, long size, OutputStream out)
            throws IOException, LayerException {
        Path file = layer.resolve(path).normalize();
        if (!file.startsWith(layer)) {
            throw new LayerException("tar split names " + path + ", outside its layer");
        }
        // the path was a regular file when extracted: a link there now is not its contents
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            copy(in, size, out, file);
        }
    }

    private static void copy(InputStream in, long size, OutputStream out, Path from)
            throws IOException, LayerException {
        byte[] buffer = new byte[65536];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new LayerException(from + " is shorter than when it was stored");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
