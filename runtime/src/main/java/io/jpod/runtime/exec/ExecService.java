package io.jpod.runtime.exec;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.spec.ProcessSpec;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a command in a running container through the OCI runtime's exec, with the caller's stdio, so
 * the exit code passes straight through. The command is looked up in the container's rootfs first:
 * podman answers 127 for a missing command and 126 for one it cannot run, and the runtime alone
 * cannot tell them apart.
 */
public final class ExecService {

    public static final int CANNOT_INVOKE = 126;
    public static final int NOT_FOUND = 127;

    private final Runtime rt;

    public ExecService(Runtime rt) {
        this.rt = rt;
    }

    /** The outcome of an exec: an exit code, and an error message when jpod itself refused. */
    public record Outcome(int exitCode, String error) {}

    public Outcome exec(
            ContainerRecord c,
            boolean interactive,
            boolean tty,
            List<String> env,
            String workDir,
            List<String> command)
            throws IOException, InterruptedException {
        if (!ContainerStatus.of(c, rt.layout().exits()).running()) {
            return new Outcome(125, "container " + c.name() + " is not running");
        }
        List<String> containerEnv = c.spec() == null ? List.of() : ProcessSpec.env(c.spec());
        String path =
                containerEnv.stream()
                        .filter(e -> e.startsWith("PATH="))
                        .map(e -> e.substring(5))
                        .findFirst()
                        .orElse("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        String program = command.getFirst();
        Optional<RootfsPaths.Found> found =
                RootfsPaths.lookPath(Path.of(c.rootfs()), program, path);
        if (found.isEmpty()) {
            return new Outcome(
                    NOT_FOUND,
                    program + ": executable file not found in $PATH: No such file or directory");
        }
        if (!found.get().executable()) {
            return new Outcome(CANNOT_INVOKE, program + ": permission denied");
        }
        List<String> argv = rt.oci().execArgv(c.id(), tty, env, workDir, command);
        ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
        if (!interactive) {
            builder.redirectInput(new File("/dev/null"));
        }
        Process p = rt.processes().spawn(builder);
        return new Outcome(p.waitFor(), null);
    }
}
