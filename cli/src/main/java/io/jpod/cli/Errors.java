package io.jpod.cli;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.host.StorageFault;

import java.io.PrintWriter;
import java.util.Optional;

/** How jpod shows a failure: {@code Error: } and the message, one line per problem. */
public final class Errors {

    private static volatile boolean traces = System.getenv("JPOD_DEBUG") != null;

    private Errors() {}

    /** Whether a failure shows its stack trace too: JPOD_DEBUG, or {@code --log-level debug}. */
    public static void traces(boolean on) {
        traces = on || System.getenv("JPOD_DEBUG") != null;
    }

    /** Prints the failure and returns the exit code it maps to. */
    public static int report(Throwable e, PrintWriter err) {
        Optional<String> fault = StorageFault.explain(e, HostLayout.detect(System.getenv()));
        if (e instanceof JpodException je) {
            je.messages().forEach(m -> err.println("Error: " + m));
            fault.ifPresent(f -> err.println("Error: " + f));
            err.flush();
            return je.exitCode();
        }
        err.println(
                "Error: " + fault.orElse(e.getMessage() == null ? e.toString() : e.getMessage()));
        if (traces) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    /** As {@link #report(Throwable, PrintWriter)}, on the process' stderr. */
    public static int report(Throwable e) {
        return report(e, new PrintWriter(System.err, true));
    }
}
