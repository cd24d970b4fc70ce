package io.jpod.model;

/** How a pod's resolv.conf is built. */
public enum DnsPolicy implements Spelled {
    CLUSTER_FIRST("ClusterFirst"),
    CLUSTER_FIRST_WITH_HOST_NET("ClusterFirstWithHostNet"),
    DEFAULT("Default"),
    NONE("None");

    private final String spelling;

    DnsPolicy(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
