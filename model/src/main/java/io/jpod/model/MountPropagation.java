package io.jpod.model;

/** How mounts propagate between host and container. */
public enum MountPropagation implements Spelled {
    NONE("None"),
    HOST_TO_CONTAINER("HostToContainer"),
    BIDIRECTIONAL("Bidirectional");

    private final String spelling;

    MountPropagation(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
