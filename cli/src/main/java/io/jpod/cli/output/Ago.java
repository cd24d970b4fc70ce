package io.jpod.cli.output;

import java.time.Duration;
import java.time.Instant;

/** Human durations as podman prints them: "5 seconds ago", "About a minute ago", "2 hours ago". */
public final class Ago {

    private Ago() {
    }

    public static String since(Instant then, Instant now) {
        return duration(Duration.between(then, now)) + " ago";
    }

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
        long h = m / 60;
        if (h == 1) {
            return "About an hour";
        }
        if (h < 48) {
            return h + " hours";
        }
        return h / 24 + " days";
    }
}
