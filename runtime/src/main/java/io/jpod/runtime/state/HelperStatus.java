package io.jpod.runtime.state;

/**
 * The pod's network helper as it is now, derived from its recorded pid, never stored.
 *
 * @param name slirp4netns or pasta
 * @param lastWords the last line of its log when it no longer runs, else empty
 */
public record HelperStatus(String name, long pid, boolean running, String lastWords) {}
