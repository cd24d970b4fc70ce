package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.host.Catatonit;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.oci.BundleSpec;
import io.jpod.runtime.oci.Conmon;
import io.jpod.runtime.oci.OciConfig;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.SelfCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Creates one container (rootfs, bundle, conmon + runtime create) and starts it. */
final class ContainerCreator {

    private final Runtime rt;

    ContainerCreator(Runtime rt) {
        this.rt = rt;
    }

    /**
     * The infra container: an empty rootfs with the host's catatonit, holding the pod's namespaces.
     */
    ContainerRecord createInfra(String podId, String podName, String hostname, Path netns)
            throws IOException, PodException {
        return discardedOnFailure((id, dir) -> infra(id, dir, podId, podName, hostname, netns));
    }

    private ContainerRecord infra(
            String id, Path dir, String podId, String podName, String hostname, Path netns)
            throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("userdata"));
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.createFile(rootfs.resolve("catatonit"));
        List<BundleSpec.Namespace> ns =
                new ArrayList<>(
                        List.of(
                                new BundleSpec.Namespace("pid", null),
                                new BundleSpec.Namespace("ipc", null),
                                new BundleSpec.Namespace("uts", null),
                                new BundleSpec.Namespace("mount", null)));
        addNetwork(ns, netns);
        BundleSpec spec =
                new BundleSpec(
                        Catatonit.infraArgv(),
                        List.of("PATH=/"),
                        "/",
                        0,
                        0,
                        false,
                        rootfs.toString(),
                        true,
                        hostname,
                        ns,
                        List.of(
                                BundleSpec.Mount.bind(
                                        rt.catatonit().binary().toString(),
                                        Catatonit.IN_CONTAINER,
                                        true)),
                        List.of(),
                        true,
                        rt.layout().rootless());
        OciConfig.write(spec, bundle.resolve("config.json"));
        ContainerRecord record =
                new ContainerRecord(
                        id,
                        podName + "-infra",
                        podId,
                        true,
                        "",
                        "",
                        Catatonit.infraArgv(),
                        bundle.toString(),
                        rootfs.toString(),
                        false,
                        Instant.now(),
                        null,
                        0,
                        0,
                        0,
                        0);
        return launch(record, bundle, dir.resolve("ctr.log"), List.of());
    }

    /**
     * Mounts the rootfs and writes the bundle; returns the record of a created, not yet started,
     * container.
     */
    ContainerRecord createApp(
            String podId,
            String podName,
            PodPlan plan,
            ContainerPlan c,
            Image image,
            ContainerRecord infra,
            Path netns,
            Path podDir,
            boolean restartHook)
            throws IOException, PodException {
        return discardedOnFailure(
                (id, dir) ->
                        app(
                                id,
                                dir,
                                podId,
                                podName,
                                plan,
                                c,
                                image,
                                infra,
                                netns,
                                podDir,
                                restartHook));
    }

    /** Makes a container under a fresh id and directory. */
    private interface Build {
        ContainerRecord make(String id, Path dir) throws IOException, PodException;
    }

    /**
     * Runs a build; if it fails, its container is undone here, because its record never reached the
     * state that teardown reads.
     */
    private ContainerRecord discardedOnFailure(Build build) throws IOException, PodException {
        String id = Ids.next();
        Path dir = Files.createDirectories(rt.layout().containers().resolve(id));
        try {
            return build.make(id, dir);
        } catch (IOException | PodException | RuntimeException e) {
            discard(id, dir);
            throw e;
        }
    }

    private void discard(String id, Path dir) {
        try {
            rt.oci().delete(id);
            rt.overlay().unmount(dir.resolve("overlay"));
            PodTeardown.deleteTree(dir);
        } catch (IOException e) {
            System.err.println(
                    "Warning: could not clean up container " + id + ": " + e.getMessage());
        }
    }

    private ContainerRecord app(
            String id,
            Path dir,
            String podId,
            String podName,
            PodPlan plan,
            ContainerPlan c,
            Image image,
            ContainerRecord infra,
            Path netns,
            Path podDir,
            boolean restartHook)
            throws IOException, PodException {
        Path bundle = Files.createDirectories(dir.resolve("userdata"));
        Path overlayDir = dir.resolve("overlay");
        rt.overlay().mount(rt.images().layerPaths(image), overlayDir);
        Path rootfs = overlayDir.resolve("merged");
        ContainerRecord record =
                new ContainerRecord(
                        id,
                        podName + "-" + c.name(),
                        podId,
                        false,
                        c.image(),
                        image.id(),
                        c.argv(),
                        bundle.toString(),
                        rootfs.toString(),
                        true,
                        Instant.now(),
                        null,
                        0,
                        0,
                        0,
                        0);
        UserLookup.Ids user = UserLookup.resolve(c.user(), rootfs);
        String infraProc = "/proc/" + infra.pid() + "/ns/";
        List<BundleSpec.Namespace> ns =
                new ArrayList<>(
                        List.of(
                                new BundleSpec.Namespace("ipc", infraProc + "ipc"),
                                new BundleSpec.Namespace("uts", infraProc + "uts"),
                                new BundleSpec.Namespace("mount", null)));
        addNetwork(ns, netns);
        ns.add(
                new BundleSpec.Namespace(
                        "pid", plan.shareProcessNamespace() ? infraProc + "pid" : null));
        List<BundleSpec.Mount> mounts =
                new ArrayList<>(
                        List.of(
                                BundleSpec.Mount.bind(
                                        podDir.resolve("hosts").toString(), "/etc/hosts", false),
                                BundleSpec.Mount.bind(
                                        podDir.resolve("resolv.conf").toString(),
                                        "/etc/resolv.conf",
                                        false),
                                BundleSpec.Mount.bind(
                                        podDir.resolve("hostname").toString(),
                                        "/etc/hostname",
                                        false)));
        mounts.addAll(Volumes.mounts(plan, c, podDir, rt.layout().volumes()));
        BundleSpec spec =
                new BundleSpec(
                        c.argv(),
                        c.env(),
                        c.workingDir(),
                        user.uid(),
                        user.gid(),
                        c.tty(),
                        rootfs.toString(),
                        c.readOnlyRootfs(),
                        null,
                        ns,
                        mounts,
                        capabilities(c),
                        c.noNewPrivileges(),
                        rt.layout().rootless());
        if (c.workingDir() != null && !c.workingDir().isEmpty()) {
            Path cwd = rootfs.resolve(c.workingDir().substring(1));
            if (!Files.exists(cwd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(cwd);
            }
        }
        OciConfig.write(spec, bundle.resolve("config.json"));
        return launch(
                record,
                bundle,
                dir.resolve("ctr.log"),
                restartHook ? exitHook(podId, id) : List.of());
    }

    /** The pod's netns file, or none for hostNetwork: the container stays in jpod's own network. */
    private static void addNetwork(List<BundleSpec.Namespace> ns, Path netns) {
        if (netns != null) {
            ns.add(new BundleSpec.Namespace("network", netns.toString()));
        }
    }

    /**
     * What conmon runs when an app container exits: jpod again, to apply the pod's restartPolicy.
     */
    private List<String> exitHook(String podId, String id) {
        // while the pod is being stopped or removed the hook has nothing to do: the shell answers
        // at once
        // rather than start a JVM, and teardown, which waits for each conmon, is not held up by it
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "/bin/sh",
                                "-c",
                                "[ -e \"$1\" ] && exit 0; shift; exec \"$@\"",
                                "sh",
                                stoppingMarker(rt, podId).toString()));
        argv.addAll(SelfCommand.argv());
        argv.addAll(List.of(EXIT_HOOK_VERB, id));
        return argv;
    }

    /**
     * The file whose presence tells exit hooks that the pod's containers are being stopped on
     * purpose.
     */
    static Path stoppingMarker(Runtime rt, String podId) {
        return rt.layout().pods().resolve(podId).resolve("stopping");
    }

    /** The hidden command the CLI maps to {@link PodService#containerExited}. */
    public static final String EXIT_HOOK_VERB = "container-exited";

    private ContainerRecord launch(
            ContainerRecord record, Path bundle, Path log, List<String> exitCommand)
            throws IOException {
        Files.createDirectories(rt.layout().exits());
        Files.createDirectories(rt.layout().sockets());
        Conmon.Created created =
                rt.conmon()
                        .create(
                                new Conmon.Launch(
                                        record.id(),
                                        record.name(),
                                        bundle,
                                        rt.layout().exits(),
                                        rt.layout().sockets(),
                                        log,
                                        0,
                                        exitCommand));
        long startTime = ProcInfo.startTime(created.pid()).orElse(0);
        return record.started(created.conmonPid(), created.pid(), startTime, null);
    }

    /**
     * Creates a stopped container again from its bundle, for {@code pod start}. App containers join
     * the infra's namespaces through /proc/PID, so their config is pointed at the new infra process
     * first.
     */
    ContainerRecord recreate(
            ContainerRecord c,
            ContainerRecord infra,
            java.util.function.Supplier<List<Path>> layers,
            boolean restartHook)
            throws IOException {
        rt.oci().delete(c.id());
        Files.deleteIfExists(rt.layout().exits().resolve(c.id()));
        Path bundle = Path.of(c.bundle());
        if (!c.infra()) {
            Path config = bundle.resolve("config.json");
            String json =
                    Files.readString(config)
                            .replaceAll("/proc/\\d+/ns/", "/proc/" + infra.pid() + "/ns/");
            Files.writeString(config, json);
        }
        if (c.overlay() && !io.jpod.runtime.storage.Overlay.isMountPoint(Path.of(c.rootfs()))) {
            rt.overlay().mount(layers.get(), Path.of(c.rootfs()).getParent());
        }
        return launch(
                c,
                bundle,
                bundle.resolveSibling("ctr.log"),
                restartHook ? exitHook(c.podId(), c.id()) : List.of());
    }

    /** Starts a created container; its record gains the start time. */
    ContainerRecord start(ContainerRecord record) throws IOException {
        rt.oci().start(record.id());
        return record.started(
                record.conmonPid(), record.pid(), record.pidStartTime(), Instant.now());
    }

    private static List<String> capabilities(ContainerPlan c) {
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

    private static String capName(String cap) {
        String upper = cap.toUpperCase(java.util.Locale.ROOT);
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
