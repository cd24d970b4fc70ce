package io.jpod.model;

import java.util.List;

/**
 * What the image config says to run, as plain data; lists may be null or empty. env entries are
 * {@code K=V}.
 */
public record ImageDefaults(
        List<String> entrypoint,
        List<String> cmd,
        List<String> env,
        String workingDir,
        String user) {}
