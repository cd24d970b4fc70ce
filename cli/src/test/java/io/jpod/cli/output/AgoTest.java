package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/** The wording of go-units' HumanDuration, which podman prints. */
class AgoTest {

    private static String d(Duration duration) {
        return Ago.duration(duration);
    }

    @Test
    void secondsAndMinutes() {
        assertEquals("Less than a second", d(Duration.ofMillis(999)));
        assertEquals(
                "Less than a second", d(Duration.ofSeconds(-5)), "clock skew is not negative time");
        assertEquals("1 second", d(Duration.ofSeconds(1)));
        assertEquals("59 seconds", d(Duration.ofSeconds(59)));
        assertEquals("About a minute", d(Duration.ofSeconds(119)));
        assertEquals("2 minutes", d(Duration.ofSeconds(120)));
        assertEquals("59 minutes", d(Duration.ofMinutes(59)));
    }

    @Test
    void hoursRoundToTheNearest() {
        assertEquals("About an hour", d(Duration.ofMinutes(60)));
        assertEquals("About an hour", d(Duration.ofMinutes(89)));
        assertEquals("2 hours", d(Duration.ofMinutes(90)));
        assertEquals("47 hours", d(Duration.ofHours(47)));
    }

    @Test
    void daysWeeksMonthsYears() {
        assertEquals("2 days", d(Duration.ofHours(48)));
        assertEquals("13 days", d(Duration.ofDays(13)));
        assertEquals("2 weeks", d(Duration.ofDays(14)));
        assertEquals("8 weeks", d(Duration.ofDays(59)));
        assertEquals("2 months", d(Duration.ofDays(60)));
        assertEquals("24 months", d(Duration.ofDays(729)));
        assertEquals("2 years", d(Duration.ofDays(730)));
    }

    @Test
    void sinceAddsAgo() {
        Instant now = Instant.parse("2024-05-01T10:00:00Z");
        assertEquals("5 seconds ago", Ago.since(now.minusSeconds(5), now));
    }
}
