package io.jpod.runtime.state;

import io.jpod.runtime.sys.HostProcesses;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A container's status as podman names it, derived from the live process and conmon's exit file.
 *
 * @param status created, running or exited
 * @param exitCode the exit status conmon recorded (128+signal for a killed process), 0 while
 *     running
 * @param finishedAt when conmon wrote the exit file, or null
 */
public record ContainerStatus(String status, boolean running, int exitCode, Instant finishedAt) {

    public static ContainerStatus of(ContainerRecord c, Path exitsDir) {
        return of(c, exitsDir, new HostProcesses());
    }

    /** As {@link #of(ContainerRecord, Path)}, asking the host seam whether the process runs. */
    public static ContainerStatus of(ContainerRecord c, Path exitsDir, Processes processes) {
        Path exitFile = exitsDir.resolve(c.id());
        if (Files.exists(exitFile)) {
            try {
                int code = Integer.parseInt(Files.readString(exitFile).strip());
                return new ContainerStatus(
                        "exited", false, code, Files.getLastModifiedTime(exitFile).toInstant());
            } catch (IOException | NumberFormatException e) {
                // conmon writes the file in one go; a partial read means it is being written: treat
                // as exited
                return new ContainerStatus("exited", false, -1, Instant.now());
            }
        }
        boolean alive = c.pid() > 0 && processes.alive(c.pid(), c.pidStartTime());
        if (alive && c.startedAt() == null) {
            // created and not started (play kube --start=false): the process is the runtime's
            // init, waiting to exec the workload
            return new ContainerStatus("created", false, 0, null);
        }
        // between the process's end and conmon's reaping it and writing the exit file, the code
        // is not known yet: running still, as podman has it until conmon reports (a Job that read
        // the gap as a failure without a code reported exit 1 for a container's exit 3); a zombie's
        // cmdline is empty, and a reused pid names another program
        if (alive
                || (c.startedAt() != null
                        && c.conmonPid() > 0
                        && processes.cmdline(c.conmonPid()).contains(c.id()))) {
            return new ContainerStatus("running", true, 0, null);
        }
        return c.startedAt() == null
                ? new ContainerStatus("created", false, 0, null)
                : new ContainerStatus("exited", false, -1, null);
    }
}
