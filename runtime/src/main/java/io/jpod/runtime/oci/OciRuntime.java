package io.jpod.runtime.oci;

import io.jpod.runtime.sys.ExecResult;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCI runtime binary (runc or crun; both take the same verbs). conmon only runs {@code create}:
 * everything after that is jpod's, through this class. Every call passes {@code --root} so jpod's
 * containers never mix with another engine's.
 */
public final class OciRuntime {

    private final String name;
    private final Path binary;
    private final Path root;
    private final Processes processes;

    public OciRuntime(String name, Path binary, Path root, Processes processes) {
        this.name = name;
        this.binary = binary;
        this.root = root;
        this.processes = processes;
    }

    public String name() {
        return name;
    }

    public Path binary() {
        return binary;
    }

    public void start(String id) throws IOException {
        processes.check(argv("start", id));
    }

    /** Sends a signal to the container's init; false when the container had already gone. */
    public boolean kill(String id, String signal) throws IOException {
        ExecResult r = processes.run(argv("kill", id, signal));
        return r.ok();
    }

    /** Forgets the container, killing it first if it still runs. Unknown ids are not an error. */
    public void delete(String id) throws IOException {
        ExecResult r = processes.run(argv("delete", "--force", id));
        if (!r.ok()
                && !r.errorText().contains("does not exist")
                && !r.errorText().contains("not found")) {
            throw new IOException(name + " delete " + id + ": " + r.errorText());
        }
    }

    /**
     * The command line for {@code exec}, run by the caller with its own stdio so exit codes pass
     * through.
     */
    public List<String> execArgv(
            String id, boolean tty, List<String> env, String workingDir, List<String> command) {
        List<String> argv = argv("exec");
        if (tty) {
            argv.add("--tty");
        }
        for (String e : env) {
            argv.add("--env");
            argv.add(e);
        }
        if (workingDir != null && !workingDir.isEmpty()) {
            argv.add("--cwd");
            argv.add(workingDir);
        }
        argv.add(id);
        argv.addAll(command);
        return argv;
    }

    /** The options every call takes, before the verb; conmon passes them on to its create. */
    public List<String> globalOptions() {
        return List.of("--root", root.toString());
    }

    private List<String> argv(String verb, String... rest) {
        List<String> argv = new ArrayList<>(List.of(binary.toString()));
        argv.addAll(globalOptions());
        argv.add(verb);
        argv.addAll(List.of(rest));
        return argv;
    }
}
