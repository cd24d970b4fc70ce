package io.jpod.cli.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Go's time.Time prints them in podman's templates and JSON. */
public final class GoTime {

    /** Go's zero time as Unix seconds, which podman's JSON shows for "never". */
    public static final long ZERO_UNIX = -62135596800L;

    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS '+0000 UTC'")
                    .withZone(ZoneOffset.UTC);

    private GoTime() {}

    /** {@code 2026-12-01 20:30:00.123456789 +0000 UTC}; Go's zero time for null. */
    public static String display(Instant t) {
        return t == null ? "0001-01-01 00:00:00 +0000 UTC" : stripZeros(DISPLAY.format(t));
    }

    // Go prints the fraction with trailing zeros removed, and none at all for whole seconds
    private static String stripZeros(String s) {
        int dot = s.indexOf('.');
        int space = s.indexOf(' ', dot);
        String fraction = s.substring(dot + 1, space).replaceAll("0+$", "");
        return s.substring(0, dot)
                + (fraction.isEmpty() ? "" : "." + fraction)
                + s.substring(space);
    }
}
