package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.exec.RootfsPaths;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.logs.LogDriver;
import io.jpod.runtime.oci.BundleSpec;
import io.jpod.runtime.oci.Conmon;
import io.jpod.runtime.oci.IdMap;
import io.jpod.runtime.oci.OciConfig;
import io.jpod.runtime.spec.PodInput;
import io.jpod.runtime.spec.PodPaths;
import io.jpod.runtime.spec.ProcessSpec;
import io.jpod.runtime.spec.SpecGenerator;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.sys.Libc;
import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.SelfCommand;
import io.jpod.runtime.systemd.ListenFds;
import io.jpod.runtime.systemd.NotifyRelay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates one container (rootfs, bundle, conmon + runtime create) and starts it. */
final class ContainerCreator {

    private final Runtime rt;

    ContainerCreator(Runtime rt) {
        this.rt = rt;
    }

    /**
     * The infra container: an empty rootfs with the host's catatonit, holding the pod's namespaces.
     */
    ContainerRecord createInfra(
            String podId, String podName, String hostname, Path netns, IdMap userns)
            throws IOException, PodException {
        return discardedOnFailure(
                (id, dir) -> infra(id, dir, podId, podName, hostname, netns, userns));
    }

    private ContainerRecord infra(
            String id,
            Path dir,
            String podId,
            String podName,
            String hostname,
            Path netns,
            IdMap userns)
            throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("userdata"));
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.createFile(rootfs.resolve("catatonit"));
        if (userns != null) {
            // the runtime makes its mount points in the root as the pod's root, which must own it
            ownedByPodRoot(rootfs, userns);
        }
        SpecInput input =
                SpecInput.infra(PodInput.infra(hostname, netns, rt.catatonit().binary(), userns));
        OciConfig.write(
                SpecGenerator.generate(input, rootfs.toString(), 0, rt.layout().rootless()),
                bundle.resolve("config.json"));
        ContainerRecord record =
                new ContainerRecord(
                        id,
                        podName + "-infra",
                        podId,
                        true,
                        "",
                        "",
                        ProcessSpec.args(input),
                        bundle.toString(),
                        rootfs.toString(),
                        false,
                        Instant.now(),
                        null,
                        0,
                        0,
                        0,
                        0,
                        input);
        return launch(record, bundle, dir.resolve("ctr.log"), List.of(), List.of());
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
            boolean restartHook,
            ServiceExtras extras)
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
                                restartHook,
                                extras));
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
            boolean restartHook,
            ServiceExtras extras)
            throws IOException, PodException {
        Path bundle = Files.createDirectories(dir.resolve("userdata"));
        Path overlayDir = dir.resolve("overlay");
        IdMap userns = infra.spec() == null ? null : infra.spec().pod().userns();
        mountRootfs(image, userns, overlayDir);
        Path rootfs = overlayDir.resolve("merged");
        String name = podName + "-" + c.name();
        UserLookup.Ids user = UserLookup.resolve(c.user(), rootfs);
        SpecInput input =
                SpecInput.of(
                        PodInput.of(
                                plan, new PodPaths(podDir, rt.layout().volumes()), netns, userns),
                        SeccompProfiles.read(rt.layout(), name, c),
                        user.uid(),
                        user.gid(),
                        TerminationMessage.file(dir).toString());
        BundleSpec spec;
        try {
            spec =
                    SpecGenerator.generate(
                            input, rootfs.toString(), infra.pid(), rt.layout().rootless());
        } catch (IllegalArgumentException e) {
            throw new PodException("container " + name + ": " + e.getMessage(), e);
        }
        // in the bundle only, not the record's spec: a restart, by a jpod that holds neither the
        // sockets nor the relay, starts the container without them
        spec = extras.sockets().map(ListenFds::containerEnv).map(spec::withEnv).orElse(spec);
        if (extras.sdNotify().isPresent()) {
            Path notifyDir = dir.resolve("notify");
            extras.sdNotify().get().bind(notifyDir);
            spec =
                    spec.withEnv(List.of(NotifyRelay.containerEnv()))
                            .withMount(
                                    BundleSpec.Mount.bind(
                                            notifyDir.toString(),
                                            NotifyRelay.CONTAINER_DIR,
                                            false));
        }
        Volumes.makeSubPaths(input);
        makeWorkingDir(name, c.workingDir(), rootfs);
        emptyTerminationLog(input);
        OciConfig.write(spec, bundle.resolve("config.json"));
        ContainerRecord record =
                new ContainerRecord(
                        id,
                        name,
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
                        0,
                        input);
        ContainerRecord created =
                launch(
                        record,
                        bundle,
                        dir.resolve("ctr.log"),
                        restartHook ? exitHook(podId, id) : List.of(),
                        extras.sockets().map(ListenFds::fds).orElse(List.of()));
        extras.sdNotify().ifPresent(relay -> relay.mainPid(created.pid()));
        return created;
    }

    /**
     * The image's layers under the container's upper directory; in a pod's own user namespace,
     * copies of them shifted into it, and the upper directory (which gives the root its owner)
     * owned as the top layer's root.
     */
    private void mountRootfs(Image image, IdMap userns, Path overlayDir) throws IOException {
        if (userns == null) {
            rt.overlay().mount(rt.images().layerPaths(image), overlayDir);
            return;
        }
        List<Path> lowers = rt.images().shiftedLayerPaths(image, userns.shift(0));
        Path upper = Files.createDirectories(overlayDir.resolve("upper"));
        if (!lowers.isEmpty()) {
            Map<String, Object> top = Files.readAttributes(lowers.getFirst(), "unix:uid,gid");
            Libc.lchown(upper, (Integer) top.get("uid"), (Integer) top.get("gid"));
        }
        rt.overlay().mount(lowers, overlayDir);
    }

    private static void ownedByPodRoot(Path dir, IdMap userns) throws IOException {
        Libc.lchown(dir, (int) userns.shift(0), (int) userns.shift(0));
    }

    /**
     * The file the spec binds at the container's terminationMessagePath, emptied for each run, so
     * that what the container writes there outlives it (the kubelet's way).
     */
    private static void emptyTerminationLog(SpecInput input) throws IOException {
        if (input.terminationLog() == null) {
            return;
        }
        Path file = Path.of(input.terminationLog());
        Files.write(file, new byte[0]);
        // any user the container runs as may write it, as the kubelet's file
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    }

    /**
     * The runtime refuses a working directory the image lacks; it is made inside the rootfs,
     * through the image's links as the container will see them, never through one out of it.
     */
    private static void makeWorkingDir(String container, String workingDir, Path rootfs)
            throws PodException {
        // the root itself always is (and needs no downcall made to say so)
        if (workingDir == null || workingDir.isEmpty() || workingDir.replace("/", "").isEmpty()) {
            return;
        }
        try {
            RootfsPaths.directoryInside(rootfs, workingDir);
        } catch (IOException e) {
            throw new PodException(
                    "container "
                            + container
                            + ": cannot make working directory "
                            + workingDir
                            + " inside its root: "
                            + e.getMessage(),
                    e);
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
        argv.addAll(selfCommand());
        argv.addAll(List.of(EXIT_HOOK_VERB, id));
        return argv;
    }

    /** This program again, as hooks run it; a seam for tests, which fork nothing. */
    List<String> selfCommand() {
        return SelfCommand.argv();
    }

    /**
     * The file whose presence tells exit hooks that the pod's containers are being stopped on
     * purpose.
     */
    static Path stoppingMarker(Runtime rt, String podId) {
        return rt.layout().pods().resolve(podId).resolve("stopping");
    }

    /** The hidden command the CLI maps to {@link ContainerExited}. */
    public static final String EXIT_HOOK_VERB = "container-exited";

    private ContainerRecord launch(
            ContainerRecord record,
            Path bundle,
            Path log,
            List<String> exitCommand,
            List<Integer> inheritedFds)
            throws IOException {
        Files.createDirectories(rt.layout().exits());
        Files.createDirectories(rt.layout().sockets());
        boolean logged = LogDriver.of(rt.layout().pods().resolve(record.podId())) != LogDriver.NONE;
        Conmon.Created created =
                rt.conmon()
                        .create(
                                new Conmon.Launch(
                                        record.id(),
                                        record.name(),
                                        bundle,
                                        rt.layout().exits(),
                                        rt.layout().sockets(),
                                        logged ? Optional.of(log) : Optional.empty(),
                                        0,
                                        exitCommand,
                                        inheritedFds));
        long startTime = ProcInfo.startTime(created.pid()).orElse(0);
        return record.started(created.conmonPid(), created.pid(), startTime, null);
    }

    /**
     * Creates a stopped container again, for {@code pod start} and restarts: its config.json is
     * generated again from its record, against the infra's process of now.
     */
    ContainerRecord recreate(
            ContainerRecord c,
            ContainerRecord infra,
            java.util.function.Supplier<List<Path>> layers,
            boolean restartHook)
            throws IOException {
        if (c.spec() == null) {
            throw new IOException(
                    "container "
                            + c.name()
                            + " was made by an older jpod: remove its pod and play it again");
        }
        rt.oci().delete(c.id());
        Files.deleteIfExists(rt.layout().exits().resolve(c.id()));
        Path bundle = Path.of(c.bundle());
        if (c.overlay() && !io.jpod.runtime.storage.Overlay.isMountPoint(Path.of(c.rootfs()))) {
            rt.overlay().mount(layers.get(), Path.of(c.rootfs()).getParent());
        }
        BundleSpec spec =
                SpecGenerator.generate(c.spec(), c.rootfs(), infra.pid(), rt.layout().rootless());
        emptyTerminationLog(c.spec());
        OciConfig.write(spec, bundle.resolve("config.json"));
        return launch(
                c,
                bundle,
                bundle.resolveSibling("ctr.log"),
                restartHook ? exitHook(c.podId(), c.id()) : List.of(),
                List.of());
    }

    /**
     * Starts a created container; its record gains the start time, taken before the start: a
     * process that exits at once must not look as if it finished before it started.
     */
    ContainerRecord start(ContainerRecord record) throws IOException {
        Instant starting = Instant.now();
        rt.oci().start(record.id());
        return record.started(record.conmonPid(), record.pid(), record.pidStartTime(), starting);
    }
}
