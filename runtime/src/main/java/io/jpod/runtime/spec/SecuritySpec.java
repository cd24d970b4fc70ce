package io.jpod.runtime.spec;

import io.jpod.runtime.oci.BundleSpec;
import io.jpod.runtime.pod.ContainerPlan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a container may do: its capabilities, whether it may gain privileges, whether its root is
 * read-only. The infra runs with no capability, on a read-only root.
 */
final class SecuritySpec {

    private SecuritySpec() {}

    /** privileged grants all; otherwise podman's defaults, then drops, then adds, as CRI does. */
    static List<String> capabilities(SpecInput in) {
        if (in.forInfra()) {
            return List.of();
        }
        ContainerPlan c = in.container();
        if (c.privileged()) {
            return ALL_CAPABILITIES;
        }
        Set<String> caps = new LinkedHashSet<>(BundleSpec.DEFAULT_CAPABILITIES);
        for (String drop : c.capDrop()) {
            if (drop.equalsIgnoreCase("ALL")) {
                caps.clear();
            } else {
                caps.remove(capName(drop));
            }
        }
        for (String add : c.capAdd()) {
            if (add.equalsIgnoreCase("ALL")) {
                caps.addAll(ALL_CAPABILITIES);
            } else {
                caps.add(capName(add));
            }
        }
        return List.copyOf(caps);
    }

    /** allowPrivilegeEscalation: false; the infra never needs to gain any. */
    static boolean noNewPrivileges(SpecInput in) {
        return in.forInfra() || in.container().noNewPrivileges();
    }

    /**
     * procMount Default masks the usual /proc and /sys paths; Unmasked, and privileged containers
     * as the CRI runtimes treat them, see them as they are.
     */
    static boolean maskedProc(SpecInput in) {
        if (in.forInfra()) {
            return true;
        }
        ContainerPlan c = in.container();
        return !c.privileged() && !c.confinement().unmaskedProc();
    }

    /**
     * The seccomp filter: none for Unconfined, unset (Kubernetes' default) and privileged
     * containers; jpod's own profile for RuntimeDefault, against the container's capabilities; a
     * Localhost profile as read when the container was created.
     */
    static String seccomp(SpecInput in, String arch) {
        if (in.forInfra() || in.container().privileged()) {
            return null;
        }
        ContainerPlan.Confinement c = in.container().confinement();
        if (c.seccomp() == null || c.seccomp().equals("Unconfined")) {
            return null;
        }
        if (c.seccomp().equals("RuntimeDefault")) {
            return SeccompPolicy.runtimeDefault(capabilities(in), arch);
        }
        if (c.localhostProfile() == null) {
            throw new IllegalStateException(
                    "seccomp profile " + c.localhostPath() + " was not read before the spec");
        }
        return SeccompPolicy.localhost(c.localhostPath(), c.localhostProfile());
    }

    static boolean readOnlyRoot(SpecInput in) {
        return in.forInfra() || in.container().readOnlyRootfs();
    }

    private static String capName(String cap) {
        String upper = cap.toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper : "CAP_" + upper;
    }

    private static final List<String> ALL_CAPABILITIES =
            List.of(
                    "CAP_AUDIT_CONTROL",
                    "CAP_AUDIT_READ",
                    "CAP_AUDIT_WRITE",
                    "CAP_BLOCK_SUSPEND",
                    "CAP_BPF",
                    "CAP_CHECKPOINT_RESTORE",
                    "CAP_CHOWN",
                    "CAP_DAC_OVERRIDE",
                    "CAP_DAC_READ_SEARCH",
                    "CAP_FOWNER",
                    "CAP_FSETID",
                    "CAP_IPC_LOCK",
                    "CAP_IPC_OWNER",
                    "CAP_KILL",
                    "CAP_LEASE",
                    "CAP_LINUX_IMMUTABLE",
                    "CAP_MAC_ADMIN",
                    "CAP_MAC_OVERRIDE",
                    "CAP_MKNOD",
                    "CAP_NET_ADMIN",
                    "CAP_NET_BIND_SERVICE",
                    "CAP_NET_BROADCAST",
                    "CAP_NET_RAW",
                    "CAP_PERFMON",
                    "CAP_SETFCAP",
                    "CAP_SETGID",
                    "CAP_SETPCAP",
                    "CAP_SETUID",
                    "CAP_SYSLOG",
                    "CAP_SYS_ADMIN",
                    "CAP_SYS_BOOT",
                    "CAP_SYS_CHROOT",
                    "CAP_SYS_MODULE",
                    "CAP_SYS_NICE",
                    "CAP_SYS_PACCT",
                    "CAP_SYS_PTRACE",
                    "CAP_SYS_RAWIO",
                    "CAP_SYS_RESOURCE",
                    "CAP_SYS_TIME",
                    "CAP_SYS_TTY_CONFIG",
                    "CAP_WAKE_ALARM");
}
