package io.jpod.runtime.image;

import io.jpod.runtime.JpodException;

/**
 * A failure to show the user as it is: "image not known: foo", a corrupt archive, an unsafe layer.
 */
public class ImageException extends JpodException {

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
