package io.jpod.cli.command;

import io.jpod.runtime.JpodException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** kubectl's --timeout values: "60s", "5m", "1h30m", "500ms", or a bare number of seconds. */
final class WaitTimeout {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private WaitTimeout() {}

    static boolean looksLike(String s) {
        return s.matches("\\d+") || s.matches("(\\d+(ms|s|m|h))+");
    }

    static long millis(String s) throws JpodException {
        if (s.matches("\\d+")) {
            return Long.parseLong(s) * 1000;
        }
        if (!looksLike(s)) {
            throw new JpodException(
                    "invalid timeout \"" + s + "\": want a duration such as 60s, 5m or 1h30m");
        }
        long total = 0;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total +=
                    switch (m.group(2)) {
                        case "ms" -> n;
                        case "s" -> n * 1000;
                        case "m" -> n * 60_000;
                        default -> n * 3_600_000;
                    };
        }
        return total;
    }
}
