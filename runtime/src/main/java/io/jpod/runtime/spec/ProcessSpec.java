package io.jpod.runtime.spec;

import io.jpod.runtime.host.Catatonit;

import java.util.List;

/** The container's process: command, environment, working directory. */
public final class ProcessSpec {

    /** The infra runs the host's catatonit, bound into its empty rootfs. */
    private ProcessSpec() {}

    public static List<String> args(SpecInput in) {
        return in.forInfra() ? Catatonit.infraArgv() : in.container().argv();
    }

    /** The environment the process starts with, which {@code exec} searches PATH in too. */
    public static List<String> env(SpecInput in) {
        return in.forInfra() ? List.of("PATH=/") : in.container().env();
    }

    /** The working directory in the container; the runtime takes an empty one as the root. */
    static String cwd(SpecInput in) {
        return in.forInfra() ? "/" : in.container().workingDir();
    }

    /** fsGroup and supplementalGroups: every app container's process has them. */
    static List<Long> additionalGids(SpecInput in) {
        return in.forInfra() ? List.of() : in.pod().groups();
    }

    static boolean terminal(SpecInput in) {
        return !in.forInfra() && in.container().tty();
    }
}
