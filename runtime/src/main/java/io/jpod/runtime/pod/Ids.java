package io.jpod.runtime.pod;

import java.security.SecureRandom;
import java.util.HexFormat;

/** 64-hex-digit ids, as podman makes them. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
