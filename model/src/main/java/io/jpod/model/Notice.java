package io.jpod.model;

/** A warning or skip that does not stop the run; location like {@code web.yaml:3:1}, or empty. */
public record Notice(String location, String message) {
    @Override
    public String toString() {
        return location.isEmpty() ? message : location + ": " + message;
    }
}
