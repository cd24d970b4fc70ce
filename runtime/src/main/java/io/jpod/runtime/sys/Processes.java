package io.jpod.runtime.sys;

import java.io.IOException;
import java.util.List;

/**
 * The seam between jpod's logic and the programs it drives. The real implementation forks them;
 * tests use a recording fake so that the order and arguments of helper calls are checked without
 * root.
 */
public interface Processes {

    /** Runs a program to completion, capturing its output. */
    ExecResult run(List<String> argv) throws IOException;

    /** Starts a program with a fully configured builder; the caller owns the process. */
    Process spawn(ProcessBuilder builder) throws IOException;

    /** Runs, and throws with the program's own error text when it fails. */
    default ExecResult check(List<String> argv) throws IOException {
        ExecResult result = run(argv);
        if (result.exitCode() != 0) {
            throw new IOException(
                    argv.getFirst()
                            + " failed (exit "
                            + result.exitCode()
                            + "): "
                            + result.errorText());
        }
        return result;
    }
}
