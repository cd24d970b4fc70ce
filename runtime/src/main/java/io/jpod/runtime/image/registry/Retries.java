package io.jpod.runtime.image.registry;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * How often to try a request that failed for a reason that may pass (a dropped connection, 5xx,
 * 429), and how long to wait between tries: doubling from {@code first}, at most {@code max}.
 */
public record Retries(int attempts, Duration first, Duration max) {

    /** podman's: three tries, 2 s then 4 s apart. */
    public static final Retries DEFAULT =
            new Retries(3, Duration.ofSeconds(2), Duration.ofMinutes(1));

    /** The default tries, {@code first} apart and doubling (tests shorten the wait). */
    public static Retries startingAt(Duration first) {
        return new Retries(DEFAULT.attempts(), first, DEFAULT.max());
    }

    /** Waits before try {@code attempt + 1}; a server's Retry-After wins when it is shorter. */
    void pause(int attempt, Duration retryAfter) throws InterruptedIOException {
        long millis = first.toMillis() << Math.min(attempt - 1, 20);
        millis = Math.min(millis, max.toMillis());
        if (retryAfter != null) {
            millis = Math.min(Math.max(retryAfter.toMillis(), 0), max.toMillis());
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
