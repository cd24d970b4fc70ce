package io.jpod.cli.output;

import java.time.Duration;
import java.time.Instant;

/** Human durations as podman prints them: "5 seconds ago", "About a minute ago", "2 hours ago". */
public final class Ago {

    private Ago() {}

    public static String since(Instant then, Instant now) {
        return duration(Duration.between(then, now)) + " ago";
    }

    /**
     * go-units' HumanDuration, which podman uses: hours round to the nearest, then days, weeks,
     * months, years.
     */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 1) {
            return "Less than a second";
        }
        if (s < 60) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = s / 60;
        if (m == 1) {
            return "About a minute";
        }
        if (m < 60) {
            return m + " minutes";
        }
        long h = (s + 1800) / 3600;
        if (h == 1) {
            return "About an hour";
        }
        if (h < 48) {
            return h + " hours";
        }
        if (h < 24 * 7 * 2) {
            return h / 24 + " days";
        }
        if (h < 24 * 30 * 2) {
            return h / 24 / 7 + " weeks";
        }
        if (h < 24 * 365 * 2) {
            return h / 24 / 30 + " months";
        }
        return s / 3600 / 24 / 365 + " years";
    }
}
