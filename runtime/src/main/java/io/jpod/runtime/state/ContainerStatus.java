package io.jpod.runtime.state;

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
        return of(c, exitsDir, c.processAlive());
    }

    /** As {@link #of(ContainerRecord, Path)}, asking the host seam whether the process runs. */
    public static ContainerStatus of(ContainerRecord c, Path exitsDir, Processes processes) {
        return of(c, exitsDir, c.pid() > 0 && processes.alive(c.pid(), c.pidStartTime()));
    }

    private static ContainerStatus of(ContainerRecord c, Path exitsDir, boolean alive) {
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
        if (alive && c.startedAt() == null) {
            // created and not started (play kube --start=false): the process is the runtime's
            // init, waiting to exec the workload
            return new ContainerStatus("created", false, 0, null);
        }
        if (alive) {
            return new ContainerStatus("running", true, 0, null);
        }
        return c.startedAt() == null
                ? new ContainerStatus("created", false, 0, null)
                : new ContainerStatus("exited", false, -1, null);
    }
}
