package io.jpod.cli.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** --since and --until as podman reads them. */
class TimeArgTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final ZoneId LOCAL = ZoneOffset.ofHours(1);

    @Test
    void rfc3339DatesUnixSecondsAndDurations() {
        assertEquals(
                Instant.parse("2026-12-01T10:00:00.5Z"),
                TimeArg.parse("2026-12-01T11:00:00.5+01:00", NOW, LOCAL));
        assertEquals(
                Instant.parse("2026-12-01T09:00:00Z"),
                TimeArg.parse("2026-12-01T10:00:00", NOW, LOCAL));
        assertEquals(
                Instant.parse("2026-11-30T23:00:00Z"), TimeArg.parse("2026-12-01", NOW, LOCAL));
        assertEquals(
                Instant.ofEpochSecond(1_764_590_400, 250_000_000),
                TimeArg.parse("1764590400.25", NOW, LOCAL));
        assertEquals(Instant.parse("2026-12-01T11:50:00Z"), TimeArg.parse("10m", NOW, LOCAL));
        assertEquals(Instant.parse("2026-12-01T10:30:00Z"), TimeArg.parse("1h30m", NOW, LOCAL));
    }

    @Test
    void anythingElseIsAnErrorThatSaysWhatIsTaken() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TimeArg.parse("yesterday", NOW, LOCAL));
        assertEquals(true, e.getMessage().contains("RFC 3339"));
    }
}
