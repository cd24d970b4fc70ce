package io.jpod.runtime.host;

/**
 * Whether jpod can apply a container's cpu and memory limits here, and why not. Rootless, limits
 * need cgroup v2 with the controllers delegated to the user; on cgroup v1 (these machines run the
 * hybrid layout) rootless runc fails outright with linux.resources, so jpod leaves them out of the
 * spec and names each dropped value in one warning. jpod does not yet place containers in a
 * delegated v2 subtree either, so on v2 the limits are dropped too, and said so.
 */
public final class ResourceLimits {

    private ResourceLimits() {}

    /** {@link #whyNotApplied(CgroupMode, boolean)} for this host and this user. */
    public static String whyNotAppliedHere() {
        return whyNotApplied(CgroupMode.detect(), HostLayout.detect(System.getenv()).rootless());
    }

    /** Why limits are not applied on this host; never null: jpod applies none today. */
    public static String whyNotApplied(CgroupMode mode, boolean rootless) {
        return switch (mode) {
            case HYBRID, LEGACY ->
                    "cgroup "
                            + mode.label()
                            + (rootless
                                    ? ": an unprivileged user gets no delegated cgroup controllers"
                                            + " (cpu, memory, pids), and rootless runc refuses"
                                            + " limits there"
                                    : ": jpod applies limits only through cgroup v2");
            case UNIFIED -> "cgroup v2: jpod does not place containers in a delegated subtree yet";
        };
    }
}
