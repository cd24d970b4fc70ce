package io.jpod.runtime.pod;

import io.jpod.runtime.probe.ContainerProbes;

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
 * @param probes liveness, readiness and startup probes, run by the prober
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
        ContainerProbes probes,
        Confinement confinement,
        LifePlan life) {

    /**
     * A container with no probes, the runtime's default confinement and the kubelet's defaults for
     * its life, as plans were before those existed.
     */
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
                ContainerProbes.NONE,
                Confinement.DEFAULT,
                LifePlan.DEFAULT);
    }

    public ContainerPlan {
        // plans recorded before probes, confinement and life existed read them as absent
        probes = probes == null ? ContainerProbes.NONE : probes;
        confinement = confinement == null ? Confinement.DEFAULT : confinement;
        life = life == null ? LifePlan.DEFAULT : life;
        // plans recorded before secretEnv existed read it as absent
        secretEnv = secretEnv == null ? List.of() : List.copyOf(secretEnv);
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        mounts = List.copyOf(mounts);
    }

    /**
     * What the kernel filters for the container besides capabilities.
     *
     * @param seccomp the seccompProfile: null or {@code Unconfined} (Kubernetes' default: no
     *     filter), {@code RuntimeDefault} (jpod's own profile) or {@code Localhost/PATH}
     * @param localhostProfile a Localhost profile's JSON, read when the container is created
     * @param unmaskedProc procMount Unmasked: nothing masked or read-only under /proc and /sys
     */
    public record Confinement(String seccomp, String localhostProfile, boolean unmaskedProc) {
        public static final Confinement DEFAULT = new Confinement(null, null, false);

        /** The name under the profiles directory of a Localhost profile, else null. */
        public String localhostPath() {
            return seccomp != null && seccomp.startsWith(LOCALHOST)
                    ? seccomp.substring(LOCALHOST.length())
                    : null;
        }

        public Confinement withLocalhostProfile(String json) {
            return new Confinement(seccomp, json, unmaskedProc);
        }

        private static final String LOCALHOST = "Localhost/";
    }

    /** This plan with another confinement. */
    public ContainerPlan with(Confinement c) {
        return new ContainerPlan(
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
                probes,
                c,
                life);
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
