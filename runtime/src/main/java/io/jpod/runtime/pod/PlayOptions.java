package io.jpod.runtime.pod;

/** How a play runs the pods it makes, beyond what their plans say. */
public record PlayOptions(boolean start) {

    public static final PlayOptions DEFAULT = new PlayOptions(true);
}
