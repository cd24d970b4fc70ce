package io.jpod.model;

/** When to pull a container's image. */
public enum PullPolicy implements Spelled {
    ALWAYS("Always"),
    IF_NOT_PRESENT("IfNotPresent"),
    NEVER("Never");

    private final String spelling;

    PullPolicy(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
