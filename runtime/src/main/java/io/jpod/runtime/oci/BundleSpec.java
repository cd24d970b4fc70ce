package io.jpod.runtime.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What goes into one container's OCI config.json, in jpod's terms.
 *
 * @param hostname null when the UTS namespace is joined rather than created
 * @param namespaces each with a path to join, or a null path to create
 * @param rootless true when the container shares jpod's user namespace (no mappings, no cgroup
 *     mount)
 * @param additionalGids the process's groups besides gid
 * @param sysctls written by the runtime in the container's namespaces before it starts
 * @param maskedProc whether the usual /proc and /sys paths are masked or read-only (procMount
 *     Default)
 * @param seccomp the linux.seccomp object as JSON text; null for none. A mount in {@code mounts} at
 *     a default mount's destination (/proc, /dev/shm) replaces that default.
 * @param userns the pod's own user namespace mapping, for uidMappings and gidMappings; null when
 *     the container shares jpod's
 */
public record BundleSpec(
        List<String> args,
        List<String> env,
        String cwd,
        long uid,
        long gid,
        boolean terminal,
        String rootfs,
        boolean readonlyRootfs,
        String hostname,
        List<Namespace> namespaces,
        List<Mount> mounts,
        List<String> capabilities,
        boolean noNewPrivileges,
        boolean rootless,
        List<Long> additionalGids,
        Map<String, String> sysctls,
        boolean maskedProc,
        String seccomp,
        IdMap userns) {

    public BundleSpec {
        additionalGids = additionalGids == null ? List.of() : List.copyOf(additionalGids);
        sysctls = sysctls == null ? Map.of() : sysctls;
    }

    /** The same spec with {@code more} variables after the process's own. */
    public BundleSpec withEnv(List<String> more) {
        List<String> all = new ArrayList<>(env);
        all.addAll(more);
        return with(all, mounts);
    }

    /** The same spec with one more mount, after the others. */
    public BundleSpec withMount(Mount mount) {
        List<Mount> all = new ArrayList<>(mounts);
        all.add(mount);
        return with(env, all);
    }

    private BundleSpec with(List<String> env, List<Mount> mounts) {
        return new BundleSpec(
                args,
                env,
                cwd,
                uid,
                gid,
                terminal,
                rootfs,
                readonlyRootfs,
                hostname,
                namespaces,
                mounts,
                capabilities,
                noNewPrivileges,
                rootless,
                additionalGids,
                sysctls,
                maskedProc,
                seccomp,
                userns);
    }

    public record Namespace(String type, String path) {}

    public record Mount(String destination, String type, String source, List<String> options) {

        public static Mount bind(String source, String destination, boolean readOnly) {
            return new Mount(
                    destination,
                    "bind",
                    source,
                    readOnly
                            ? List.of("rbind", "ro", "nosuid", "nodev")
                            : List.of("rbind", "nosuid", "nodev"));
        }
    }

    /** The capabilities podman grants by default. */
    public static final List<String> DEFAULT_CAPABILITIES =
            List.of(
                    "CAP_CHOWN",
                    "CAP_DAC_OVERRIDE",
                    "CAP_FOWNER",
                    "CAP_FSETID",
                    "CAP_KILL",
                    "CAP_NET_BIND_SERVICE",
                    "CAP_SETFCAP",
                    "CAP_SETGID",
                    "CAP_SETPCAP",
                    "CAP_SETUID",
                    "CAP_SYS_CHROOT");
}
