package io.jpod.runtime.userns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command lines of util-linux's unshare and nsenter, which make and enter namespaces. */
public final class NamespaceCommands {

    private NamespaceCommands() {}

    /** A new user and mount namespace (mounts private to it) running {@code command}. */
    public static List<String> unshareUserAndMount(List<String> command) {
        List<String> argv =
                new ArrayList<>(
                        List.of("unshare", "--user", "--mount", "--propagation", "private"));
        argv.addAll(command);
        return argv;
    }

    /** A new network namespace, bound to {@code file} so that it outlives the command. */
    public static List<String> unshareNetworkBoundTo(Path file) {
        return List.of("unshare", "--net=" + file, "true");
    }

    /**
     * {@code command} in the user and mount namespaces of {@code pid}, from {@code workingDir}
     * (entering a mount namespace resets the working directory to /).
     */
    public static List<String> enterUserAndMount(long pid, Path workingDir, List<String> command) {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "nsenter",
                                "-U",
                                "-m",
                                "-t",
                                Long.toString(pid),
                                "--wd=" + workingDir,
                                "--"));
        argv.addAll(command);
        return argv;
    }
}
