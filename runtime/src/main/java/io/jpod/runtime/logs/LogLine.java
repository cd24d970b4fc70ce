package io.jpod.runtime.logs;

import java.time.Instant;

/** One line of a container's output, as conmon's k8s-file log records it. */
public record LogLine(Instant time, boolean stderr, String text) {}
