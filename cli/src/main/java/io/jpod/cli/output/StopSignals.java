package io.jpod.cli.output;

import java.util.Locale;
import java.util.Map;

/** Signal names as numbers, for the StopSignal podman's inspect shows. */
final class StopSignals {

    private static final Map<String, Integer> NUMBERS =
            Map.ofEntries(
                    Map.entry("HUP", 1),
                    Map.entry("INT", 2),
                    Map.entry("QUIT", 3),
                    Map.entry("ABRT", 6),
                    Map.entry("KILL", 9),
                    Map.entry("USR1", 10),
                    Map.entry("USR2", 12),
                    Map.entry("PIPE", 13),
                    Map.entry("ALRM", 14),
                    Map.entry("TERM", 15),
                    Map.entry("CONT", 18),
                    Map.entry("STOP", 19),
                    Map.entry("TSTP", 20),
                    Map.entry("WINCH", 28),
                    Map.entry("PWR", 30));

    private StopSignals() {}

    /** 15 for TERM or SIGTERM; a number stays itself; SIGRTMIN+N and the like count from 34. */
    static int number(String signal) {
        String s = signal.toUpperCase(Locale.ROOT);
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
            return Integer.parseInt(s);
        }
        if (s.startsWith("RTMIN+")) {
            return 34 + Integer.parseInt(s.substring(6));
        }
        if (s.startsWith("RTMAX-")) {
            return 64 - Integer.parseInt(s.substring(6));
        }
        return NUMBERS.getOrDefault(s, 15);
    }
}
