package io.jpod.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

/** Every text is read as {@link Instant#parse} reads it, or refused as it refuses it. */
class UtcInstantTest {

    @Test
    void whatInstantWritesOfYearsZeroTo9999() {
        Random random = new Random(25);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = first + Math.floorMod(random.nextLong(), last - first + 1);
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant at = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(at, UtcInstant.parse(at.toString()), at.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0000-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z",
                "1900-02-28T12:00:00Z",
                "1900-03-01T00:00:00Z",
                "2000-02-29T00:00:00Z",
                "2026-12-02T18:06:37Z",
                "2026-12-02T18:06:37.5Z",
                "2026-12-02T18:06:37.12345678Z",
                "9999-12-31T23:59:59.999Z",
                // left to Instant.parse: refused, or read its way
                "2026-02-29T00:00:00Z",
                "1900-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z",
                "2026-01-01T24:00:00Z",
                "2026-01-01T23:60:00Z",
                "2026-01-01T23:59:60Z",
                "2026-01-01T00:00:00.Z",
                "2026-01-01T00:00:00.1234567890Z",
                "2026-01-01T00:00:00z",
                "2026-01-01T00:00:00+01:00",
                "2026-01-01T00:00Z",
                "+12026-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z",
                "2026-1a-01T00:00:00Z",
                "2026-01-01T00:00:0xZ",
                "2026-01-01X00:00:00Z",
                "",
            })
    void asInstantParse(String text) {
        assertEquals(outcome(() -> Instant.parse(text)), outcome(() -> UtcInstant.parse(text)));
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }
}
