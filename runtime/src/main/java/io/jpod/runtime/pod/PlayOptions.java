package io.jpod.runtime.pod;

import io.jpod.runtime.logs.LogDriver;

/**
 * How a play runs the pods it makes, beyond what their plans say.
 *
 * @param start whether the app containers are started, or only created
 * @param logDriver where conmon writes the containers' output
 */
public record PlayOptions(boolean start, LogDriver logDriver) {

    public static final PlayOptions DEFAULT = new PlayOptions(true);

    public PlayOptions(boolean start) {
        this(start, LogDriver.K8S_FILE);
    }
}
