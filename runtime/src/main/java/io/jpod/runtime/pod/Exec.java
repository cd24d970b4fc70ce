package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.exec.ExecService;

import java.io.IOException;

/** {@code exec}: a command in a running container, with the caller's stdio. */
final class Exec {

    private final Runtime rt;
    private final Lookups lookups;

    Exec(Runtime rt, Lookups lookups) {
        this.rt = rt;
        this.lookups = lookups;
    }

    /**
     * Returns the command's exit code; throws with 125, 126 or 127 when jpod could not run it, as
     * podman does.
     */
    int exec(String container, Engine.ExecRequest request) throws JpodException, IOException {
        Located located = lookups.container(container);
        try {
            ExecService.Outcome outcome =
                    new ExecService(rt)
                            .exec(
                                    located.container(),
                                    request.interactive(),
                                    request.tty(),
                                    request.env(),
                                    request.workDir(),
                                    request.command());
            if (outcome.error() != null) {
                throw new JpodException(outcome.exitCode(), outcome.error());
            }
            return outcome.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + request.command().getFirst(), e);
        }
    }
}
