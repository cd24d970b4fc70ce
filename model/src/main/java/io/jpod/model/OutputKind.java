package io.jpod.model;

/** The kind to write a pod back as. */
public enum OutputKind implements Spelled {
    POD("Pod"),
    DEPLOYMENT("Deployment"),
    DAEMONSET("DaemonSet"),
    JOB("Job");

    private final String spelling;

    OutputKind(String spelling) {
        this.spelling = spelling;
    }

    @Override
    public String spelling() {
        return spelling;
    }
}
