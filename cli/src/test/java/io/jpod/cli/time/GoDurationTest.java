package io.jpod.cli.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/** Go's time.ParseDuration and Duration.String, as podman uses them. */
class GoDurationTest {

    @Test
    void parsesGoSyntax() {
        assertEquals(Duration.ofMinutes(10), GoDuration.parse("10m"));
        assertEquals(Duration.ofMinutes(90), GoDuration.parse("1h30m"));
        assertEquals(Duration.ofMillis(250), GoDuration.parse("250ms"));
        assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
        assertEquals(Duration.ofNanos(2_000), GoDuration.parse("2us"));
        assertEquals(Duration.ofNanos(2_000), GoDuration.parse("2µs"));
        assertEquals(Duration.ofSeconds(-90), GoDuration.parse("-1m30s"));
        assertEquals(Duration.ZERO, GoDuration.parse("0"));
    }

    @Test
    void refusesWhatGoRefuses() {
        for (String bad : new String[] {"", "10", "m", "1x", "1.2.3s", "-", "1h 2m"}) {
            assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(bad), bad);
        }
    }

    @Test
    void printsAsGo() {
        assertEquals("0s", GoDuration.format(Duration.ZERO));
        assertEquals("10.436587788s", GoDuration.format(Duration.ofNanos(10_436_587_788L)));
        assertEquals("1h2m3.5s", GoDuration.format(Duration.ofMillis(3_723_500)));
        assertEquals("5m0s", GoDuration.format(Duration.ofMinutes(5)));
        assertEquals("1.5ms", GoDuration.format(Duration.ofNanos(1_500_000)));
        assertEquals("2µs", GoDuration.format(Duration.ofNanos(2_000)));
        assertEquals("999ns", GoDuration.format(Duration.ofNanos(999)));
        assertEquals("-2s", GoDuration.format(Duration.ofSeconds(-2)));
    }
}
