package io.jpod.cli.format;

/** A template that does not parse, or names what its data does not have; podman exits 125. */
public final class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }
}
