package io.jpod.runtime.spec;

import io.jpod.runtime.oci.BundleSpec.Namespace;

import java.util.ArrayList;
import java.util.List;

/**
 * Which namespaces a container creates and which it joins. The infra creates the pod's PID, IPC and
 * UTS namespaces; the others join its IPC and UTS (and PID when the pod shares it) through
 * /proc/PID/ns, and everyone joins the pod's network namespace file. With hostNetwork there is
 * none: the container stays in jpod's network; likewise hostIPC and hostPID keep the container in
 * jpod's IPC and PID namespaces, which are the host's (the per-user namespace holds only a user and
 * a mount namespace). With hostUsers: false the infra also creates the pod's user namespace, and
 * its network namespace inside it; the others join both.
 */
final class NamespaceSpec {

    private NamespaceSpec() {}

    static List<Namespace> of(SpecInput in, long infraPid) {
        List<Namespace> ns = new ArrayList<>();
        if (in.forInfra()) {
            ns.add(new Namespace("pid", null));
            ns.add(new Namespace("ipc", null));
            ns.add(new Namespace("uts", null));
            ns.add(new Namespace("mount", null));
            if (in.pod().userns() != null) {
                // the network namespace must belong to the pod's user namespace, so that its root
                // may mount sysfs and configure it: the infra makes it, and jpod binds it after
                ns.add(new Namespace("user", null));
                ns.add(new Namespace("network", null));
            } else {
                network(ns, in.pod());
            }
            return ns;
        }
        String infra = "/proc/" + infraPid + "/ns/";
        PodInput pod = in.pod();
        if (pod.userns() != null) {
            ns.add(new Namespace("user", infra + "user"));
        }
        if (!pod.hostIPC()) {
            ns.add(new Namespace("ipc", infra + "ipc"));
        }
        ns.add(new Namespace("uts", infra + "uts"));
        ns.add(new Namespace("mount", null));
        network(ns, pod);
        if (!pod.hostPID()) {
            ns.add(new Namespace("pid", pod.shareProcessNamespace() ? infra + "pid" : null));
        }
        return ns;
    }

    /**
     * The pod's sysctls, which each app container writes again in the namespaces it joins (the
     * writes agree); the model let through only those of namespaces the pod has of its own.
     */
    static java.util.Map<String, String> sysctls(SpecInput in) {
        return in.forInfra() ? java.util.Map.of() : in.pod().sysctls();
    }

    /** The hostname is set where the UTS namespace is created, and only there. */
    static String hostname(SpecInput in) {
        return in.forInfra() ? in.pod().hostname() : null;
    }

    private static void network(List<Namespace> ns, PodInput pod) {
        if (pod.netns() != null) {
            ns.add(new Namespace("network", pod.netns()));
        }
    }
}
