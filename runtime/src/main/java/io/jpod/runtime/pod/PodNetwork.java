package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.net.NetworkHelper;
import io.jpod.runtime.state.NetworkRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.PortMapping;
import io.jpod.runtime.storage.Mounts;
import io.jpod.runtime.sys.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A pod's network: its namespace file and the user-mode helper that connects it to the host. */
final class PodNetwork {

    private final Runtime rt;

    PodNetwork(Runtime rt) {
        this.rt = rt;
    }

    /**
     * Creates what the plan's network mode needs and returns the pod with its network recorded (and
     * saved after each part, so that teardown finds a helper even if a later part fails).
     */
    PodRecord start(PodPlan plan, PodRecord pod, Path podDir) throws IOException {
        String mode = plan.network().label();
        if (plan.network() == PodPlan.NetworkMode.HOST) {
            pod = pod.withNetwork(new NetworkRecord(mode, null, 0, 0, null, plan.ports()));
            rt.state().save(pod);
            return pod;
        }
        Path netns = rt.netns().create(rt.layout().netns().resolve(pod.id()));
        // the kill tests stop a play here: the netns exists, its helper is about to start
        Trace.mark("namespaces: netns");
        pod = pod.withNetwork(new NetworkRecord(mode, netns.toString(), 0, 0, null, List.of()));
        rt.state().save(pod);
        return startHelper(pod, plan.network(), netns, null, plan.ports(), podDir);
    }

    /**
     * For a pod with a user namespace of its own: its infra has made the network namespace inside
     * it (created, not yet started), which is bound to the pod's file here and connected as any.
     */
    PodRecord startOwned(PodPlan plan, PodRecord pod, Path podDir, long infraPid)
            throws IOException {
        Path netns = rt.netns().bind(rt.layout().netns().resolve(pod.id()), infraPid);
        Trace.mark("namespaces: netns");
        pod =
                pod.withNetwork(
                        new NetworkRecord(
                                plan.network().label(), netns.toString(), 0, 0, null, List.of()));
        rt.state().save(pod);
        Path userns = Path.of("/proc/" + infraPid + "/ns/user");
        return startHelper(pod, plan.network(), netns, userns, plan.ports(), podDir);
    }

    /**
     * {@code pod start} of a pod with a user namespace of its own whose infra is gone: the network
     * namespace belonged to the old infra's user namespace, which no process of the new one may
     * join, so the old namespace and its helper go and the new infra's are bound and connected.
     */
    PodRecord restartOwned(PodRecord pod, Path podDir, long infraPid) throws IOException {
        NetworkRecord net = pod.network();
        NetworkHelper.stop(rt.processes(), net.helperPid(), net.helperStartTime());
        if (net.apiSocket() != null) {
            Files.deleteIfExists(Path.of(net.apiSocket()));
        }
        Path netns = Path.of(net.netnsPath());
        rt.netns().remove(netns);
        rt.netns().bind(netns, infraPid);
        pod =
                pod.withNetwork(
                        new NetworkRecord(net.mode(), netns.toString(), 0, 0, null, List.of()));
        rt.state().save(pod);
        Path userns = Path.of("/proc/" + infraPid + "/ns/user");
        return startHelper(
                pod, PodPlan.NetworkMode.parse(net.mode()), netns, userns, net.ports(), podDir);
    }

    /**
     * What {@code pod start} needs of a network that a reboot or a kill took away: the namespace
     * file bound again when it is gone (only while the infra that joined the old one is gone too),
     * and the helper started again with the pod's port forwards when it no longer runs.
     */
    PodRecord restore(PodRecord pod, boolean infraAlive, Path podDir) throws IOException {
        NetworkRecord net = pod.network();
        if (net == null || net.netnsPath() == null) {
            return pod;
        }
        Path netns = Path.of(net.netnsPath());
        // a file still there but no longer a mount (its mount namespace went) binds nothing either;
        // only asked while the infra is gone, since the infra holds the namespace it joined
        boolean bound = Files.exists(netns) && (infraAlive || Mounts.isMountPoint(netns));
        if (!bound && infraAlive) {
            throw new IOException(
                    "the network namespace file "
                            + netns
                            + " of pod "
                            + pod.name()
                            + " is gone while its infra runs: remove the pod and play it again");
        }
        if (!bound) {
            rt.netns().create(netns);
        } else if (net.helperPid() <= 0
                || rt.processes().alive(net.helperPid(), net.helperStartTime())) {
            return pod;
        }
        if (net.apiSocket() != null) {
            Files.deleteIfExists(Path.of(net.apiSocket()));
        }
        return startHelper(
                pod, PodPlan.NetworkMode.parse(net.mode()), netns, null, net.ports(), podDir);
    }

    private PodRecord startHelper(
            PodRecord pod,
            PodPlan.NetworkMode mode,
            Path netns,
            Path userns,
            List<PortMapping> ports,
            Path podDir)
            throws IOException {
        if (mode == PodPlan.NetworkMode.PASTA) {
            long pid = rt.pasta().start(netns, ports, podDir.resolve("pasta.pid"));
            pod = pod.withNetwork(helper(mode.label(), netns, pid, null, ports));
            rt.state().save(pod);
            return pod;
        }
        Path apiSocket = rt.layout().sockets().resolve(pod.shortId() + "-slirp.sock");
        Files.createDirectories(apiSocket.getParent());
        long pid = rt.slirp().start(netns, userns, apiSocket, podDir.resolve("slirp4netns.log"));
        // recorded before forwarding, so that a failed forward still tears the helper down
        pod = pod.withNetwork(helper(mode.label(), netns, pid, apiSocket, ports));
        rt.state().save(pod);
        for (var port : ports) {
            rt.slirp().forward(apiSocket, port);
        }
        return pod;
    }

    private NetworkRecord helper(
            String mode, Path netns, long pid, Path apiSocket, List<PortMapping> ports) {
        return new NetworkRecord(
                mode,
                netns.toString(),
                pid,
                rt.processes().startTime(pid).orElse(0),
                apiSocket == null ? null : apiSocket.toString(),
                ports);
    }
}
