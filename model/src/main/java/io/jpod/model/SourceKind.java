package io.jpod.model;

/** The kind a pod was read from. */
public enum SourceKind implements Spelled {
    POD("Pod"),
    DEPLOYMENT("Deployment"),
    DAEMONSET("DaemonSet"),
    JOB("Job");

    private final String spelling;

    SourceKind(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
