package io.jpod.runtime.pod;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** 64-hex-digit ids, as podman makes them. */
final class Ids {

    private Ids() {}

    /**
     * 32 bytes of the kernel's randomness: what SecureRandom would read on Linux, without starting
     * the JDK's security providers (milliseconds of every play in a cold JVM).
     */
    static String next() {
        byte[] bytes = new byte[32];
        try (FileInputStream in = new FileInputStream("/dev/urandom")) {
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                throw new IOException("short read");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /dev/urandom for an id", e);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
