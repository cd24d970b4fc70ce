package io.jpod.runtime.sys;

import java.time.Instant;

/**
 * Phase marks for bench/: with {@code JPOD_TRACE} set, each mark prints {@code jpod-trace <epoch
 * µs> <phase>} to stderr, and bench/ turns the gaps into where a command's milliseconds go. Off by
 * default, and then free.
 */
public final class Trace {

    private static final boolean ON = System.getenv("JPOD_TRACE") != null;

    private Trace() {}

    public static void mark(String phase) {
        if (ON) {
            Instant now = Instant.now();
            System.err.println(
                    "jpod-trace "
                            + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000)
                            + " "
                            + phase);
        }
    }
}
