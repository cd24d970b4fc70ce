package io.jpod.runtime.image.layer;

/**
 * A layer that cannot be stored as it is: unsafe entries, unmapped owners, wrong digest, unknown
 * compression.
 */
public final class LayerException extends Exception {

    public LayerException(String message) {
        super(message);
    }

    public LayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
