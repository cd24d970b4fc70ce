package io.jpod.cli.plan;

import io.jpod.model.Action;
import io.jpod.model.ContainerModel;
import io.jpod.model.ContainerResolver;
import io.jpod.model.HostAlias;
import io.jpod.model.ImageDefaults;
import io.jpod.model.LifecycleModel;
import io.jpod.model.ManifestException;
import io.jpod.model.ManifestSet;
import io.jpod.model.ManifestWriter;
import io.jpod.model.MountModel;
import io.jpod.model.OutputKind;
import io.jpod.model.PodContext;
import io.jpod.model.PodModel;
import io.jpod.model.PodSecurityModel;
import io.jpod.model.PortModel;
import io.jpod.model.ResolvedProcess;
import io.jpod.model.ResolvedVolume;
import io.jpod.model.ResourcesModel;
import io.jpod.model.RestartPolicy;
import io.jpod.model.SecurityModel;
import io.jpod.model.VolumeFile;
import io.jpod.model.VolumeModel;
import io.jpod.model.VolumeResolver;
import io.jpod.runtime.host.ResourceLimits;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageConfig;
import io.jpod.runtime.net.PodAddress;
import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.LifePlan;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.VolumePlan;
import io.jpod.runtime.state.PortMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Model to plan: the one place where the manifest's meaning meets the image's defaults. Everything
 * that can be wrong with a pod is found here, before the runtime creates anything.
 */
public final class PlanBuilder {

    private final Function<String, Image> images;
    private final PodPlan.NetworkMode network;
    private final boolean ownUsers;
    private final List<String> notices = new ArrayList<>();
    private final List<String> droppedResources = new ArrayList<>();

    /**
     * @param images looks an image up by reference; the caller has checked that every image exists
     */
    public PlanBuilder(Function<String, Image> images, PodPlan.NetworkMode network) {
        this(images, network, false);
    }

    /**
     * @param ownUsers {@code --userns=auto}: a pod that does not say {@code hostUsers} gets a user
     *     namespace of its own, as with {@code hostUsers: false}; one that shares the host's
     *     network, PID or IPC namespace keeps jpod's, as Kubernetes requires
     */
    public PlanBuilder(
            Function<String, Image> images, PodPlan.NetworkMode network, boolean ownUsers) {
        this.images = images;
        this.network = network;
        this.ownUsers = ownUsers;
    }

    /**
     * One-line notices about what jpod cannot honour, for the user; the resources every pod so far
     * asked for and did not get come last, all named in one line.
     */
    public List<String> notices() {
        if (droppedResources.isEmpty()) {
            return notices;
        }
        List<String> all = new ArrayList<>(notices);
        all.add(
                "resources not applied ("
                        + ResourceLimits.whyNotAppliedHere()
                        + "): "
                        + String.join(", ", droppedResources));
        return all;
    }

    public PodPlan build(PodModel pod, ManifestSet set) throws ManifestException {
        // hostNetwork: the pod shares the network jpod runs in, whatever --network says
        PodPlan.NetworkMode mode = pod.hostNetwork() ? PodPlan.NetworkMode.HOST : network;
        PodAddress address = PodAddress.of(mode.label());
        PodContext ctx = new PodContext(address.podIP(), address.hostIP(), "localhost");
        List<VolumePlan> volumes = new ArrayList<>();
        for (VolumeModel v : pod.volumes()) {
            volumes.add(volume(v.name(), VolumeResolver.resolve(pod, v, ctx, set)));
        }
        List<PortMapping> ports = new ArrayList<>();
        List<ContainerPlan> containers = new ArrayList<>();
        for (ContainerModel c : pod.containers()) {
            ResolvedProcess p = resolve(pod, c, ctx, set);
            for (PortModel port : c.ports()) {
                if (port.hostPort() > 0) {
                    int target = port.containerPort() > 0 ? port.containerPort() : port.hostPort();
                    ports.add(
                            new PortMapping(
                                    port.protocol().spelling(),
                                    port.hostIP(),
                                    port.hostPort(),
                                    target));
                }
            }
            containers.add(container(c, p));
        }
        unhonoured(pod);
        List<ContainerPlan> inits = new ArrayList<>();
        for (ContainerModel c : pod.initContainers()) {
            inits.add(container(c, resolve(pod, c, ctx, set)));
        }
        List<PodPlan.HostEntry> aliases = new ArrayList<>();
        for (HostAlias a : pod.hostAliases()) {
            aliases.add(new PodPlan.HostEntry(a.ip(), a.hostnames()));
        }
        List<String> dnsServers =
                pod.dnsConfig() == null ? List.of() : pod.dnsConfig().nameservers();
        List<String> dnsSearches = pod.dnsConfig() == null ? List.of() : pod.dnsConfig().searches();
        return new PodPlan(
                pod.name(),
                pod.hostname(),
                pod.labels(),
                pod.terminationGracePeriodSeconds(),
                pod.restartPolicy().spelling(),
                mode,
                pod.shareProcessNamespace(),
                ports,
                aliases,
                dnsServers,
                dnsSearches,
                volumes,
                containers,
                inits,
                ManifestWriter.write(pod, storedKind(pod), set),
                false,
                podSecurity(pod));
    }

    /**
     * The kind the pod's manifest is kept in, for generate kube: a Deployment's or DaemonSet's own,
     * so that its name comes back (the pod is {@code <name>-pod}); a Job's pods are each a run of
     * it, and a Pod is a Pod.
     */
    static OutputKind storedKind(PodModel pod) {
        return switch (pod.sourceKind()) {
            case DEPLOYMENT -> OutputKind.DEPLOYMENT;
            case DAEMONSET -> OutputKind.DAEMONSET;
            case POD, JOB -> OutputKind.POD;
        };
    }

    private PodPlan.PodSecurity podSecurity(PodModel pod) {
        PodSecurityModel s = pod.securityContext();
        boolean hostNamespaces = pod.hostNetwork() || pod.hostPID() || pod.hostIPC();
        return new PodPlan.PodSecurity(
                s.fsGroup(),
                s.supplementalGroups(),
                s.sysctls(),
                pod.hostIPC(),
                pod.hostPID(),
                Boolean.FALSE.equals(pod.hostUsers())
                        || (ownUsers && pod.hostUsers() == null && !hostNamespaces));
    }

    /** Fields jpod reads but does not act on yet: one line each, so nothing is ignored silently. */
    private void unhonoured(PodModel pod) {
        for (ContainerModel c : pod.allContainers()) {
            String where = pod.name() + "-" + c.name() + ": ";
            ResourcesModel r = c.resources();
            if (r != null) {
                String container = pod.name() + "-" + c.name();
                new java.util.TreeMap<>(r.limits())
                        .forEach(
                                (k, v) ->
                                        droppedResources.add(
                                                container + " limits." + k + "=" + v.text()));
                new java.util.TreeMap<>(r.requests())
                        .forEach(
                                (k, v) -> {
                                    // the API server defaults a request to its limit: not named
                                    // twice
                                    if (!v.equals(r.limits().get(k))) {
                                        droppedResources.add(
                                                container + " requests." + k + "=" + v.text());
                                    }
                                });
            }
        }
    }

    private ResolvedProcess resolve(PodModel pod, ContainerModel c, PodContext ctx, ManifestSet set)
            throws ManifestException {
        ImageConfig cfg = images.apply(c.image()).config();
        ImageDefaults defaults =
                new ImageDefaults(
                        cfg.entrypoint(), cfg.cmd(), cfg.env(), cfg.workingDir(), cfg.user());
        return ContainerResolver.resolve(pod, c, defaults, ctx, set);
    }

    private ContainerPlan container(ContainerModel c, ResolvedProcess p) {
        SecurityModel s = c.securityContext() == null ? SecurityModel.EMPTY : c.securityContext();
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : p.env().entrySet()) {
            env.add(e.getKey() + "=" + e.getValue());
        }
        List<ContainerPlan.MountPlan> mounts = new ArrayList<>();
        for (MountModel m : p.volumeMounts()) {
            mounts.add(
                    new ContainerPlan.MountPlan(
                            m.volumeName(),
                            m.mountPath(),
                            m.subPath(),
                            m.readOnly(),
                            switch (m.propagation()) {
                                case NONE -> ContainerPlan.Propagation.NONE;
                                case HOST_TO_CONTAINER ->
                                        ContainerPlan.Propagation.HOST_TO_CONTAINER;
                                case BIDIRECTIONAL -> ContainerPlan.Propagation.BIDIRECTIONAL;
                            }));
        }
        return new ContainerPlan(
                c.name(),
                c.image(),
                images.apply(c.image()).id(),
                p.argv(),
                env,
                p.workingDir(),
                p.user(),
                c.tty(),
                s.isPrivileged(),
                Boolean.TRUE.equals(s.readOnlyRootFilesystem()),
                Boolean.FALSE.equals(s.allowPrivilegeEscalation()),
                s.capabilitiesAdd() == null ? List.of() : s.capabilitiesAdd(),
                s.capabilitiesDrop() == null ? List.of() : s.capabilitiesDrop(),
                mounts,
                List.copyOf(p.secretEnv()),
                ProbePlans.of(c),
                new ContainerPlan.Confinement(s.seccompProfile(), null, s.unmaskedProc()),
                life(c));
    }

    /**
     * Hooks jpod runs (exec, httpGet and sleep; the model has given a located notice for
     * tcpSocket), the stop signal (the manifest's, else the image's STOPSIGNAL) and the termination
     * message.
     */
    private LifePlan life(ContainerModel c) {
        LifecycleModel l = c.lifecycle();
        String signal = l == null ? null : l.stopSignal();
        if (signal == null || signal.isEmpty()) {
            signal = images.apply(c.image()).config().stopSignal();
        }
        return new LifePlan(
                l == null ? null : hook(c, l.postStart()),
                l == null ? null : hook(c, l.preStop()),
                signalName(signal),
                c.terminationMessagePath(),
                c.fallbackToLogsOnError(),
                c.restartPolicy() == RestartPolicy.ALWAYS);
    }

    private static LifePlan.Hook hook(ContainerModel c, Action a) {
        return switch (a) {
            case Action.Exec e -> LifePlan.Hook.exec(e.command());
            case Action.HttpGet h -> LifePlan.Hook.httpGet(ProbePlans.httpGet(c, h));
            case Action.Sleep s -> LifePlan.Hook.sleep(s.seconds());
            case null, default -> null;
        };
    }

    /** SIGQUIT and QUIT as the OCI runtime's kill takes them: QUIT; numbers stay. */
    static String signalName(String signal) {
        if (signal == null || signal.isBlank()) {
            return "TERM";
        }
        String s = signal.strip().toUpperCase(java.util.Locale.ROOT);
        return s.startsWith("SIG") ? s.substring(3) : s;
    }

    private VolumePlan volume(String name, ResolvedVolume v) {
        return switch (v) {
            case ResolvedVolume.HostPath h ->
                    new VolumePlan.HostPath(
                            name,
                            h.path(),
                            switch (h.type()) {
                                // unset: no check, and like podman a missing path becomes a
                                // directory
                                case DIRECTORY_OR_CREATE, UNSET ->
                                        VolumePlan.HostPath.Create.DIRECTORY;
                                case FILE_OR_CREATE -> VolumePlan.HostPath.Create.FILE;
                                default -> VolumePlan.HostPath.Create.NONE;
                            });
            case ResolvedVolume.EmptyDir e ->
                    new VolumePlan.EmptyDir(name, "Memory".equals(e.medium()));
            case ResolvedVolume.Files f ->
                    new VolumePlan.Files(
                            name,
                            f.files().stream()
                                    .map(
                                            (VolumeFile file) ->
                                                    new VolumePlan.FileEntry(
                                                            file.path(),
                                                            file.content(),
                                                            file.mode()))
                                    .toList());
            case ResolvedVolume.Claim c -> new VolumePlan.Named(name, c.claimName());
        };
    }
}
