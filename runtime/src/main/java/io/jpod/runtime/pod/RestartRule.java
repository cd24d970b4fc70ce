package io.jpod.runtime.pod;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Kubernetes' restartPolicy for a pod's app containers, and the kubelet's back-off between
 * restarts: none before the first restart, then the base (10 s) doubling up to 30 times the base (5
 * min), counted afresh once a container has run for 10 minutes.
 */
final class RestartRule {

    /** Shortens the back-off's base for tests and demos: {@code 500ms}, {@code 1s}, {@code 2m}. */
    static final String BASE_ENV = "JPOD_BACKOFF_BASE";

    static final long DEFAULT_BASE_MILLIS = 10_000;

    /** A container that ran this long had not been crash-looping: its back-off starts over. */
    static final Duration RESET_AFTER = Duration.ofMinutes(10);

    private RestartRule() {}

    /** Whether the containers need conmon's exit hook at all. */
    static boolean hooked(String policy) {
        return !"Never".equals(policy);
    }

    /** Always restarts; OnFailure only after a non-zero exit; Never never. */
    static boolean restarts(String policy, int exitCode) {
        return switch (policy) {
            case "Always" -> true;
            case "OnFailure" -> exitCode != 0;
            default -> false;
        };
    }

    /** The wait before restart number {@code step + 1}, with Kubernetes' 10 s base. */
    static long backoffMillis(int step) {
        return backoffMillis(step, DEFAULT_BASE_MILLIS);
    }

    /** The wait before restart number {@code step + 1}: none for the first, then base doubling. */
    static long backoffMillis(int step, long baseMillis) {
        if (step <= 0) {
            return 0;
        }
        long max = baseMillis * 30;
        return Math.min(max, baseMillis << Math.min(step - 1, 20));
    }

    /** The base from {@link #BASE_ENV}; Kubernetes' 10 s when unset or not a duration. */
    static long baseMillis(Map<String, String> env) {
        String value = env.get(BASE_ENV);
        if (value == null || value.isBlank()) {
            return DEFAULT_BASE_MILLIS;
        }
        Long parsed = parseDuration(value.strip());
        return parsed == null || parsed <= 0 ? DEFAULT_BASE_MILLIS : parsed;
    }

    /** {@code 250ms}, {@code 2s}, {@code 1m} in milliseconds; null when not one of these. */
    static Long parseDuration(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Long.parseLong(v.substring(0, v.length() - 2));
            }
            if (v.endsWith("s")) {
                return Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000);
            }
            if (v.endsWith("m")) {
                return Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
