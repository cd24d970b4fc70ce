package io.jpod.runtime.spec;

import io.jpod.runtime.oci.BundleSpec;

/** A container's spec from its input: pure, so the same input always gives the same config.json. */
public final class SpecGenerator {

    /** The JVM's architecture is the kernel's: the seccomp filter covers it and its compat ABIs. */
    private static final String ARCH = System.getProperty("os.arch");

    private SpecGenerator() {}

    /**
     * @param rootfs the container's root on the host
     * @param infraPid the infra's process, whose namespaces the container joins (unused for the
     *     infra itself)
     * @param rootless whether jpod runs in its own user namespace
     */
    public static BundleSpec generate(
            SpecInput in, String rootfs, long infraPid, boolean rootless) {
        return new BundleSpec(
                ProcessSpec.args(in),
                ProcessSpec.env(in),
                ProcessSpec.cwd(in),
                in.uid(),
                in.gid(),
                ProcessSpec.terminal(in),
                rootfs,
                SecuritySpec.readOnlyRoot(in),
                NamespaceSpec.hostname(in),
                NamespaceSpec.of(in, infraPid),
                MountSpec.of(in),
                SecuritySpec.capabilities(in),
                SecuritySpec.noNewPrivileges(in),
                rootless,
                ProcessSpec.additionalGids(in),
                NamespaceSpec.sysctls(in),
                SecuritySpec.maskedProc(in),
                SecuritySpec.seccomp(in, ARCH),
                in.pod().userns());
    }
}
