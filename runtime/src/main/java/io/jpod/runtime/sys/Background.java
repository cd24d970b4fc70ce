package io.jpod.runtime.sys;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a long-lived helper (pause process, network helper) as an orphan in a session of its own, through a
 * short-lived sh. A helper that stayed the JVM's own child would hold the JDK's process reaper in waitpid, and
 * the JVM waits for that thread at exit (about 300 ms, measured in bench/).
 */
public final class Background {

    private Background() {
    }

    /**
     * A builder whose process prints the helper's pid on a line of its own, then exits. With {@code readyFd}, the
     * helper's fd 4 is that same pipe, so what the helper writes there follows the pid.
     */
    public static ProcessBuilder builder(List<String> argv, boolean readyFd) {
        String script = readyFd
                ? "setsid \"$@\" 4>&1 1>&2 </dev/null & echo $!"
                : "setsid \"$@\" </dev/null >/dev/null 2>&1 & echo $!";
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        command.addAll(argv);
        return new ProcessBuilder(command);
    }

    /** Reads the pid line the builder's process prints first. */
    public static long readPid(InputStream out) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = out.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        try {
            return Long.parseLong(line.toString().strip());
        } catch (NumberFormatException e) {
            throw new IOException("could not start a helper in the background: got \"" + line + "\" for its pid");
        }
    }
}
