package io.jpod.runtime.userns;

import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs this very command line again as uid 0 of the pause process's user and mount namespaces.
 * nsenter is forked from the caller, not from the pause process, so the kernel keeps the caller's
 * loginuid for everything below.
 */
public final class Reexec {

    private Reexec() {}

    /**
     * How the command runs again: its own arguments (the last {@code replaced} of the JVM's command
     * line) replaced by {@code args}, and {@code env} added, so that a secret can travel in the
     * environment rather than in an argv every user on the host can read.
     */
    public record Relaunch(int replaced, List<String> args, Map<String, String> env) {
        public static final Relaunch SAME = new Relaunch(0, List.of(), Map.of());

        public Relaunch {
            args = List.copyOf(args);
            env = Map.copyOf(env);
        }
    }

    /**
     * Runs the current JVM command line under nsenter, with stdio inherited, and returns its exit
     * code.
     */
    public static int inNamespace(
            HostLayout layout, long pausePid, Processes processes, Relaunch relaunch)
            throws IOException, InterruptedException {
        List<String> command = currentCommandLine();
        List<String> relaunched =
                new ArrayList<>(command.subList(0, command.size() - relaunch.replaced()));
        relaunched.addAll(relaunch.args());
        List<String> argv =
                NamespaceCommands.enterUserAndMount(
                        pausePid, Path.of("").toAbsolutePath(), relaunched);
        ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
        builder.environment().putAll(relaunch.env());
        builder.environment().put(HostLayout.PAUSE_ENV, Long.toString(pausePid));
        builder.environment().put(HostLayout.HOST_UID_ENV, Long.toString(layout.hostUid()));
        Process child = processes.spawn(builder);
        // a SIGTERM sent to this launcher alone (not its process group) reaches the command too,
        // and the launcher outlives it, so that whoever signalled sees the command's cleanup end
        Thread forward =
                new Thread(
                        () -> {
                            child.destroy();
                            try {
                                child.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already, and returns as the child has exited
            }
            return code;
        } catch (InterruptedException e) {
            child.destroy();
            throw e;
        }
    }

    private static List<String> currentCommandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        String[] parts = new String(raw, StandardCharsets.UTF_8).split("\0", -1);
        List<String> args = new ArrayList<>(Arrays.asList(parts));
        if (!args.isEmpty() && args.getLast().isEmpty()) {
            args.removeLast();
        }
        // argv[0] may be relative ("java"); nsenter keeps PATH, but an absolute path survives any
        // PATH
        args.set(0, ProcessHandle.current().info().command().orElse(args.getFirst()));
        return args;
    }
}
