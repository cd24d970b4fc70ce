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
     * Creates the pod's network namespace file and records it; returns it, or null for the host's
     * network (recorded with its ports, nothing to connect). The namespace can be joined at once;
     * {@link #connect} links it to the host, and may run beside the containers' creation.
     */
    Path namespace(PodPlan plan, Progress progress) throws IOException {
        String mode = plan.network().label();
        if (plan.network() == PodPlan.NetworkMode.HOST) {
            progress.network(new NetworkRecord(mode, null, 0, 0, null, plan.ports()));
            return null;
        }
        Path netns = rt.netns().create(rt.layout().netns().resolve(progress.pod().id()));
        // the kill tests stop a play here: the netns exists, its helper is about to start
        Trace.mark("namespaces: netns");
        progress.network(new NetworkRecord(mode, netns.toString(), 0, 0, null, List.of()));
        return netns;
    }

    /** Starts the helper that connects a namespace {@link #namespace} made, and its forwards. */
    void connect(PodPlan plan, Progress progress, Path netns, Path podDir) throws IOException {
        startHelper(progress, plan.network(), netns, null, plan.ports(), podDir);
        Trace.mark("network: helper, ports");
    }

    /**
     * For a pod with a user namespace of its own: its infra has made the network namespace inside
     * it (created, not yet started), which is bound to the pod's file here and connected as any.
     */
    void startOwned(PodPlan plan, Progress progress, Path podDir, long infraPid)
            throws IOException {
        Path netns = rt.netns().bind(rt.layout().netns().resolve(progress.pod().id()), infraPid);
        Trace.mark("namespaces: netns");
        progress.network(
                new NetworkRecord(plan.network().label(), netns.toString(), 0, 0, null, List.of()));
        Path userns = Path.of("/proc/" + infraPid + "/ns/user");
        startHelper(progress, plan.network(), netns, userns, plan.ports(), podDir);
        Trace.mark("network: helper, ports");
    }

    /**
     * {@code pod start} of a pod with a user namespace of its own whose infra is gone: the network
     * namespace belonged to the old infra's user namespace, which no process of the new one may
     * join, so the old namespace and its helper go and the new infra's are bound and connected.
     */
    void restartOwned(Progress progress, Path podDir, long infraPid) throws IOException {
        NetworkRecord net = progress.pod().network();
        NetworkHelper.stop(rt.processes(), net.helperPid(), net.helperStartTime());
        if (net.apiSocket() != null) {
            Files.deleteIfExists(Path.of(net.apiSocket()));
        }
        Path netns = Path.of(net.netnsPath());
        rt.netns().remove(netns);
        rt.netns().bind(netns, infraPid);
        progress.network(new NetworkRecord(net.mode(), netns.toString(), 0, 0, null, List.of()));
        Path userns = Path.of("/proc/" + infraPid + "/ns/user");
        startHelper(
                progress,
                PodPlan.NetworkMode.parse(net.mode()),
                netns,
                userns,
                net.ports(),
                podDir);
    }

    /**
     * What {@code pod start} needs of a network that a reboot or a kill took away: the namespace
     * file bound again when it is gone (only while the infra that joined the old one is gone too),
     * and the helper started again with the pod's port forwards when it no longer runs.
     */
    void restore(Progress progress, boolean infraAlive, Path podDir) throws IOException {
        PodRecord pod = progress.pod();
        NetworkRecord net = pod.network();
        if (net == null || net.netnsPath() == null) {
            return;
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
            return;
        }
        if (net.apiSocket() != null) {
            Files.deleteIfExists(Path.of(net.apiSocket()));
        }
        startHelper(
                progress, PodPlan.NetworkMode.parse(net.mode()), netns, null, net.ports(), podDir);
    }

    private void startHelper(
            Progress progress,
            PodPlan.NetworkMode mode,
            Path netns,
            Path userns,
            List<PortMapping> ports,
            Path podDir)
            throws IOException {
        if (mode == PodPlan.NetworkMode.PASTA) {
            long pid = rt.pasta().start(netns, ports, podDir.resolve("pasta.pid"));
            progress.network(helper(mode.label(), netns, pid, null, ports));
            return;
        }
        Path apiSocket = rt.layout().sockets().resolve(progress.pod().shortId() + "-slirp.sock");
        Files.createDirectories(apiSocket.getParent());
        long pid = rt.slirp().start(netns, userns, apiSocket, podDir.resolve("slirp4netns.log"));
        // recorded before forwarding, so that a failed forward still tears the helper down
        progress.network(helper(mode.label(), netns, pid, apiSocket, ports));
        for (var port : ports) {
            rt.slirp().forward(apiSocket, port);
        }
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
