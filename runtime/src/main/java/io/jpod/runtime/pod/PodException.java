package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;

/** A user-facing failure of a pod operation: the message is what the user reads. */
public class PodException extends JpodException {

    public PodException(String message) {
        super(message);
    }

    public PodException(String message, Throwable cause) {
        super(message, cause);
    }
}
