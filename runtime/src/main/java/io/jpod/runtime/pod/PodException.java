package io.jpod.runtime.pod;

/** A user-facing failure of a pod operation: the message is what the user reads. */
public class PodException extends Exception {

    public PodException(String message) {
        super(message);
    }

    public PodException(String message, Throwable cause) {
        super(message, cause);
    }
}
