package io.jpod.cli.time;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A point in time as podman's {@code --since} and {@code --until} take it: RFC 3339 (with or
 * without a zone, then local time), a date, Unix seconds, or a Go duration back from now.
 */
public final class TimeArg {

    private TimeArg() {}

    public static Instant parse(String text, Instant now, ZoneId local) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // not with a zone
        }
        try {
            return LocalDateTime.parse(s).atZone(local).toInstant();
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(s).atStartOfDay(local).toInstant();
        } catch (DateTimeParseException e) {
            // not a date
        }
        if (s.matches("\\d+(\\.\\d{1,9})?")) {
            BigDecimal seconds = new BigDecimal(s);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        try {
            return now.minus(GoDuration.parse(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid time \""
                            + text
                            + "\": give RFC 3339 (2026-12-01T10:00:00Z), a date, Unix seconds"
                            + " or a duration (10m)");
        }
    }
}
