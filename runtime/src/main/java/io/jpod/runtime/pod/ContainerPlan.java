package io.jpod.runtime.pod;

import java.util.List;

/**
 * One container of a {@link PodPlan}.
 *
 * @param image the reference the manifest names, for display
 * @param imageId the image that reference named when the plan was made: the one the container runs,
 *     even if the name moves to another image meanwhile
 * @param secretEnv the names in {@code env} whose values hold a Secret's data, masked wherever jpod
 *     shows the environment
 * @param argv the final command line (entrypoint and cmd already merged with the manifest's
 *     command/args)
 * @param env "K=V" entries in precedence order
 * @param user "uid[:gid]" or names looked up in the image's /etc/passwd and /etc/group; empty for
 *     root
 * @param life hooks, stop signal, termination message, sidecar; {@link LifePlan#DEFAULT} in records
 *     of an older jpod
 */
public record ContainerPlan(
        String name,
        String image,
        String imageId,
        List<String> argv,
        List<String> env,
        String workingDir,
        String user,
        boolean tty,
        boolean privileged,
        boolean readOnlyRootfs,
        boolean noNewPrivileges,
        List<String> capAdd,
        List<String> capDrop,
        List<MountPlan> mounts,
        List<String> secretEnv,
        LifePlan life) {

    /** A container with the kubelet's defaults for its life. */
    public ContainerPlan(
            String name,
            String image,
            String imageId,
            List<String> argv,
            List<String> env,
            String workingDir,
            String user,
            boolean tty,
            boolean privileged,
            boolean readOnlyRootfs,
            boolean noNewPrivileges,
            List<String> capAdd,
            List<String> capDrop,
            List<MountPlan> mounts,
            List<String> secretEnv) {
        this(
                name,
                image,
                imageId,
                argv,
                env,
                workingDir,
                user,
                tty,
                privileged,
                readOnlyRootfs,
                noNewPrivileges,
                capAdd,
                capDrop,
                mounts,
                secretEnv,
                LifePlan.DEFAULT);
    }

    public ContainerPlan {
        life = life == null ? LifePlan.DEFAULT : life;
        // plans recorded before secretEnv existed read it as absent
        secretEnv = secretEnv == null ? List.of() : List.copyOf(secretEnv);
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        mounts = List.copyOf(mounts);
    }

    /** A volume of the pod mounted into this container. */
    public record MountPlan(
            String volume,
            String destination,
            String subPath,
            boolean readOnly,
            Propagation propagation) {

        public MountPlan {
            propagation = propagation == null ? Propagation.NONE : propagation;
        }
    }

    /**
     * mountPropagation: whether mounts made later on the host (or in the container) show across.
     */
    public enum Propagation {
        NONE,
        HOST_TO_CONTAINER,
        BIDIRECTIONAL
    }
}
