package io.jpod.runtime.state;

/**
 * Where a pod is in jpod's own lifecycle; the running status of its containers is derived
 * separately.
 */
public enum PodPhase {
    /**
     * A play is building it; if its owner died, the next command finds it orphaned and cleans it
     * up.
     */
    CREATING,
    /** Fully played. */
    CREATED,
    /** Stopped by the user ({@code pod stop}): exited containers are not restarted. */
    STOPPED,
    /** A teardown is under way. */
    REMOVING
}
