package io.jpod.runtime;

import java.util.List;

/**
 * A failure to show the user as it is, with the exit code jpod ends with: 125 (podman's) for jpod's
 * own errors unless a subclass or the thrower says otherwise. Several messages are several
 * problems, each shown on a line of its own.
 */
public class JpodException extends Exception {

    public static final int ERROR = 125;

    private final int exitCode;
    private final List<String> messages;

    public JpodException(String message) {
        this(ERROR, message);
    }

    public JpodException(int exitCode, String message) {
        this(exitCode, List.of(message), null);
    }

    public JpodException(String message, Throwable cause) {
        this(ERROR, List.of(message), cause);
    }

    public JpodException(int exitCode, List<String> messages, Throwable cause) {
        super(String.join("; ", messages), cause);
        this.exitCode = exitCode;
        this.messages = List.copyOf(messages);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> messages() {
        return messages;
    }
}
