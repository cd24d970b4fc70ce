package io.jpod.runtime.spec;

import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.PodException;

/**
 * Everything a container's OCI spec is generated from but the infra's process, which is new each
 * time the pod starts. Kept in the container's record.
 *
 * @param container the container's plan; null for the infra
 * @param uid the user the plan names, as resolved in the image
 * @param terminationLog the host file bound at the container's terminationMessagePath, which
 *     outlives the container; null for the infra
 */
public record SpecInput(
        PodInput pod, ContainerPlan container, long uid, long gid, String terminationLog) {

    public static SpecInput infra(PodInput pod) {
        return new SpecInput(pod, null, 0, 0, null);
    }

    /**
     * A container's, refused when a mount names a volume the pod lacks or a subPath that leaves its
     * volume.
     */
    public static SpecInput of(
            PodInput pod, ContainerPlan container, long uid, long gid, String terminationLog)
            throws PodException {
        SpecInput in = new SpecInput(pod, container, uid, gid, terminationLog);
        MountSpec.check(in);
        return in;
    }

    public boolean forInfra() {
        return container == null;
    }
}
