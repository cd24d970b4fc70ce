package io.jpod.model;

/** A pod's or sidecar's restart policy. */
public enum RestartPolicy implements Spelled {
    ALWAYS("Always"),
    ON_FAILURE("OnFailure"),
    NEVER("Never");

    private final String spelling;

    RestartPolicy(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
