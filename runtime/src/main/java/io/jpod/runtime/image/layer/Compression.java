package io.jpod.runtime.image.layer;

import com.github.luben.zstd.ZstdInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** How a layer or archive is compressed, told by its magic bytes rather than by a media type. */
public enum Compression {
    NONE(new byte[0]),
    GZIP(new byte[] {0x1f, (byte) 0x8b}),
    ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
    XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
    BZIP2(new byte[] {'B', 'Z', 'h'});

    private static final int MAGIC_LENGTH = 6;

    private final byte[] magic;

    Compression(byte[] magic) {
        this.magic = magic;
    }

    /** Peeks at the first bytes; {@code in} must support mark. */
    public static Compression detect(InputStream in) throws IOException {
        in.mark(MAGIC_LENGTH);
        byte[] head = in.readNBytes(MAGIC_LENGTH);
        in.reset();
        for (Compression c : values()) {
            if (c != NONE
                    && head.length >= c.magic.length
                    && Arrays.equals(head, 0, c.magic.length, c.magic, 0, c.magic.length)) {
                return c;
            }
        }
        return NONE;
    }

    /** The uncompressed stream. */
    public InputStream decompress(InputStream in) throws IOException, LayerException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 65536);
            case ZSTD -> new ZstdInputStream(in);
            case XZ, BZIP2 ->
                    throw new LayerException(
                            name().toLowerCase(java.util.Locale.ROOT)
                                    + " compressed layers are not supported");
        };
    }
}
