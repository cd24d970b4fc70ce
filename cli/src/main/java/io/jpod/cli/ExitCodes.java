package io.jpod.cli;

/** Exit codes, podman's. */
public final class ExitCodes {

    public static final int OK = 0;

    /** {@code kube diff}: something would change, as {@code kubectl diff} says it. */
    public static final int CHANGES = 1;

    /** jpod's own error: bad input, a failed operation. */
    public static final int ERROR = 125;

    /** The command exists in the container but cannot be invoked. */
    public static final int CANNOT_INVOKE = 126;

    /** The command was not found in the container. */
    public static final int NOT_FOUND = 127;

    private ExitCodes() {}
}
