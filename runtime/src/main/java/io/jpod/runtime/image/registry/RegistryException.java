package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.ImageException;

/**
 * A registry refused, failed or sent something that does not check out.
 *
 * @see #status()
 */
public final class RegistryException extends ImageException {

    private final int status;

    public RegistryException(String message) {
        this(0, message, null);
    }

    public RegistryException(String message, Throwable cause) {
        this(0, message, cause);
    }

    public RegistryException(int status, String message) {
        this(status, message, null);
    }

    private RegistryException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status that caused it, 0 when none did. */
    public int status() {
        return status;
    }

    public boolean unauthorized() {
        return status == 401 || status == 403;
    }
}
