package io.jpod.runtime.image.registry;

import java.time.Instant;

/** A token from a realm, good until {@code expires}. Never printed. */
record BearerToken(String value, Instant expires) {

    boolean validAt(Instant now) {
        return now.isBefore(expires);
    }

    @Override
    public String toString() {
        return "BearerToken[expires=" + expires + "]";
    }
}
