package io.jpod.runtime.probe;

/** A container's probes; each may be null. */
public record ContainerProbes(ProbePlan liveness, ProbePlan readiness, ProbePlan startup) {

    public static final ContainerProbes NONE = new ContainerProbes(null, null, null);

    public boolean any() {
        return liveness != null || readiness != null || startup != null;
    }
}
