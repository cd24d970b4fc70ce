package io.jpod.runtime.probe;

import io.jpod.runtime.oci.OciRuntime;
import io.jpod.runtime.sys.Processes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * exec: the command in the container through the OCI runtime's exec, as {@code jpod exec} runs it;
 * passes on exit code 0. Past timeoutSeconds the exec is killed and the probe fails.
 */
final class ExecProbe implements ProbeCheck {

    /** The health log keeps this much of a command's output, as podman truncates its own. */
    static final int OUTPUT_LIMIT = 500;

    private final ProbePlan.Action.Exec action;
    private final OciRuntime oci;
    private final Processes processes;

    ExecProbe(ProbePlan.Action.Exec action, OciRuntime oci, Processes processes) {
        this.action = action;
        this.oci = oci;
        this.processes = processes;
    }

    @Override
    public Outcome check(Target target, int timeoutSeconds) throws InterruptedException {
        List<String> argv =
                oci.execArgv(target.containerId(), false, List.of(), null, action.command());
        Process p;
        try {
            p =
                    processes.spawn(
                            new ProcessBuilder(argv)
                                    .redirectErrorStream(true)
                                    .redirectInput(new File("/dev/null")));
        } catch (IOException e) {
            return Outcome.failed("cannot run " + argv.getFirst() + ": " + e.getMessage());
        }
        // read on the side, so that a chatty command cannot block on a full pipe
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> drain(p.getInputStream(), output));
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            reader.join(1000);
            return Outcome.failed(
                    "command " + action.command() + " timed out after " + timeoutSeconds + "s");
        }
        reader.join(1000);
        String text;
        synchronized (output) {
            text = output.toString().strip();
        }
        int code = p.exitValue();
        return new Outcome(code == 0, code, text);
    }

    private static void drain(InputStream in, StringBuilder output) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) != -1) {
                synchronized (output) {
                    if (output.length() < OUTPUT_LIMIT) {
                        String s = new String(buf, 0, n, StandardCharsets.UTF_8);
                        output.append(s, 0, Math.min(s.length(), OUTPUT_LIMIT - output.length()));
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed: what was read is what there is
        }
    }
}
