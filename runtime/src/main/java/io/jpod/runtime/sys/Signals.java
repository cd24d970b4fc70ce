package io.jpod.runtime.sys;

import io.jpod.runtime.JpodException;

import java.util.List;
import java.util.Locale;

/** Linux's signals by name and number, as {@code kill -s} takes them: HUP, SIGHUP, 1. */
public final class Signals {

    // index = number; Linux x86_64/arm64 numbering
    private static final List<String> NAMES =
            List.of(
                    "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
                    "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP",
                    "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO",
                    "PWR", "SYS");

    /** What wakes a sleeping prober (io.jpod.runtime.probe.ProberProcess). */
    public static final int USR1 = 10;

    private static final int RTMIN = 34;
    private static final int RTMAX = 64;

    private Signals() {}

    /** The signal's number; an unknown name or number is the user's error. */
    public static int number(String signal) throws JpodException {
        String s = signal.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s.length() > 3 ? "999" : s);
            if ((n >= 1 && n < NAMES.size()) || (n >= RTMIN && n <= RTMAX)) {
                return n;
            }
        } else {
            int at = NAMES.indexOf(s.equals("IOT") ? "ABRT" : s.equals("POLL") ? "IO" : s);
            if (at > 0) {
                return at;
            }
            if (s.startsWith("RTMIN")) {
                return realtime(signal, RTMIN, s.substring(5), 1);
            }
            if (s.startsWith("RTMAX")) {
                return realtime(signal, RTMAX, s.substring(5), -1);
            }
        }
        throw new JpodException("invalid signal: " + signal);
    }

    private static int realtime(String signal, int base, String offset, int sign)
            throws JpodException {
        if (offset.isEmpty()) {
            return base;
        }
        try {
            int n = base + Integer.parseInt(offset);
            if (n >= RTMIN && n <= RTMAX && Integer.signum(n - base) == sign) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw new JpodException("invalid signal: " + signal);
    }
}
