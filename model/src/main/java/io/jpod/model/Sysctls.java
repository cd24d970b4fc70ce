package io.jpod.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which sysctls a pod may set: only those the kernel keeps per namespace, so that a pod never
 * changes its host (the kubelet's list: the IPC namespace's kernel.shm*, kernel.msg*, kernel.sem
 * and fs.mqueue.*, and the network namespace's net.*). A pod that shares the host's network or IPC
 * namespace may not set that namespace's.
 */
final class Sysctls {

    private static final Pattern NAME =
            Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");
    private static final List<String> IPC_PREFIXES =
            List.of("kernel.shm", "kernel.msg", "fs.mqueue.");

    private Sysctls() {}

    /** An error message for a sysctl this pod may not set, or null. */
    static String check(String name, boolean hostNetwork, boolean hostIPC) {
        if (name.length() > 253 || !NAME.matcher(name).matches()) {
            return "invalid sysctl name \""
                    + name
                    + "\": must consist of lower case alphanumeric characters, '-', '_', '.' or"
                    + " '/'";
        }
        String dotted = name.replace('/', '.');
        if (dotted.startsWith("net.")) {
            return hostNetwork
                    ? "sysctl \"" + name + "\" not allowed with hostNetwork enabled"
                    : null;
        }
        if (dotted.equals("kernel.sem") || IPC_PREFIXES.stream().anyMatch(dotted::startsWith)) {
            return hostIPC ? "sysctl \"" + name + "\" not allowed with hostIPC enabled" : null;
        }
        return "sysctl \""
                + name
                + "\" is not namespaced: setting it would change the host; a pod may set only"
                + " net.*, kernel.shm*, kernel.msg*, kernel.sem and fs.mqueue.*";
    }
}
