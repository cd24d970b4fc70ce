package io.jpod.runtime.userns;

/**
 * One line of /etc/subuid or /etc/subgid: {@code count} ids from {@code start} delegated to the
 * user.
 */
public record IdRange(long start, long count) {}
