package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.net.PortRules;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.NetworkRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;
import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pods: play, stop, remove, and the queries the CLI prints. Every change happens under the state
 * lock.
 */
public final class PodService {

    private static final String SOURCE = "source";

    private final Runtime rt;
    private final ContainerCreator creator;
    private final PodTeardown teardown;

    public PodService(Runtime rt) {
        this.rt = rt;
        this.creator = new ContainerCreator(rt);
        this.teardown = new PodTeardown(rt);
    }

    /**
     * Runs a pod. On any failure everything created so far is removed before the error is thrown.
     */
    public PodRecord play(PodPlan plan) throws PodException, IOException {
        try (StateStore.Lock ignored = rt.state().lock()) {
            repairOrphans();
            Trace.mark("storage: lock, state");
            if (rt.state().podByName(plan.name()).isPresent()) {
                throw new PodException("pod " + plan.name() + " already exists");
            }
            if (rt.layout().rootless()) {
                try {
                    PortRules.checkRootless(plan.ports(), PortRules.unprivilegedStart());
                } catch (IOException e) {
                    throw new PodException(e.getMessage());
                }
            }
            Map<String, Image> images = images(plan);
            Trace.mark("storage: images");
            PodRecord pod =
                    new PodRecord(
                            Ids.next(),
                            plan.name(),
                            plan.hostname(),
                            PodPhase.CREATING,
                            ProcessHandle.current().pid(),
                            Instant.now(),
                            plan.labels(),
                            plan.gracePeriodSeconds(),
                            plan.restartPolicy(),
                            null,
                            null,
                            List.of(),
                            List.of());
            rt.state().save(pod);
            try {
                pod = build(pod, plan, images);
                pod = pod.withPhase(PodPhase.CREATED);
                rt.state().save(pod);
                return pod;
            } catch (IOException | PodException | RuntimeException e) {
                PodRecord latest = rt.state().pod(pod.id()).orElse(pod);
                teardown.remove(latest, 0);
                throw e instanceof PodException pe ? pe : new PodException(e.getMessage(), e);
            }
        }
    }

    private Map<String, Image> images(PodPlan plan) throws PodException, IOException {
        Map<String, Image> images = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<ContainerPlan> all = new ArrayList<>(plan.initContainers());
        all.addAll(plan.containers());
        for (ContainerPlan c : all) {
            Optional<Image> image = rt.images().find(c.image());
            if (image.isPresent()) {
                images.put(c.image(), image.get());
            } else {
                missing.add(c.image());
            }
        }
        if (!missing.isEmpty()) {
            throw new PodException(
                    "image not known: "
                            + String.join(", ", missing)
                            + " (load it with `jpod load -i ARCHIVE` or `jpod import ROOTFS.tar"
                            + " NAME`)");
        }
        return images;
    }

    private PodRecord build(PodRecord pod, PodPlan plan, Map<String, Image> images)
            throws IOException, PodException {
        Path podDir = Files.createDirectories(rt.layout().pods().resolve(pod.id()));
        PodFiles.write(podDir, plan);
        Files.writeString(podDir.resolve(SOURCE), plan.source() == null ? "" : plan.source());
        Volumes.prepare(plan, podDir, rt.layout().volumes(), rt.processes());
        Trace.mark("storage: pod files, volumes");

        String mode = plan.network().label();
        boolean ownNetwork = plan.network() != PodPlan.NetworkMode.HOST;
        Path netns = ownNetwork ? rt.netns().create(rt.layout().netns().resolve(pod.id())) : null;
        if (!ownNetwork) {
            pod = pod.withNetwork(new NetworkRecord(mode, null, 0, 0, null, plan.ports()));
        } else {
            Trace.mark("namespaces: netns");
            pod = pod.withNetwork(new NetworkRecord(mode, netns.toString(), 0, 0, null, List.of()));
            rt.state().save(pod);
            pod = pod.withNetwork(startNetwork(plan, pod, netns, podDir));
        }
        rt.state().save(pod);
        Trace.mark("network: helper, ports");

        ContainerRecord infra = creator.createInfra(pod.id(), plan.name(), plan.hostname(), netns);
        pod = pod.withInfra(infra);
        rt.state().save(pod);
        ContainerRecord runningInfra = creator.start(infra);
        Progress progress = new Progress(pod.withInfra(runningInfra));
        progress.save();

        // init containers run one at a time, each to a successful exit, before any app container
        // starts
        for (ContainerPlan init : plan.initContainers()) {
            ContainerRecord c =
                    creator.createApp(
                            pod.id(),
                            plan.name(),
                            plan,
                            init,
                            images.get(init.image()),
                            runningInfra,
                            netns,
                            podDir,
                            false);
            progress.addInit(c);
            c = progress.addInit(creator.start(c));
            int code = awaitExit(c);
            if (code != 0) {
                throw new PodException(
                        "init container "
                                + init.name()
                                + " of pod "
                                + plan.name()
                                + " exited with code "
                                + code
                                + " (see `jpod logs "
                                + c.name()
                                + "`)");
            }
        }
        Trace.mark("runtime: infra");

        // containers are independent once the infra holds the namespaces: create and start them in
        // parallel,
        // recording each as soon as it exists so that a failure half-way tears down exactly what
        // was made
        List<ContainerRecord> created =
                parallel(
                        plan.containers(),
                        c ->
                                progress.add(
                                        creator.createApp(
                                                runningInfra.podId(),
                                                plan.name(),
                                                plan,
                                                c,
                                                images.get(c.image()),
                                                runningInfra,
                                                netns,
                                                podDir,
                                                RestartRule.hooked(plan.restartPolicy()))));
        progress.order(created);
        Trace.mark("runtime: create containers");
        parallel(created, c -> progress.add(creator.start(c)));
        Trace.mark("runtime: start containers");
        return progress.pod();
    }

    /**
     * Waits for a container to exit, as the kubelet waits for an init container, and returns its
     * exit code.
     */
    private int awaitExit(ContainerRecord c) throws IOException {
        try {
            ContainerStatus status = ContainerStatus.of(c, rt.layout().exits());
            while (status.running() || !Files.exists(rt.layout().exits().resolve(c.id()))) {
                Thread.sleep(50);
                status = ContainerStatus.of(c, rt.layout().exits());
            }
            return status.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for init container " + c.name(), e);
        }
    }

    private NetworkRecord startNetwork(PodPlan plan, PodRecord pod, Path netns, Path podDir)
            throws IOException {
        String mode = plan.network().label();
        if (plan.network() == PodPlan.NetworkMode.PASTA) {
            long pid = rt.pasta().start(netns, plan.ports(), podDir.resolve("pasta.pid"));
            return new NetworkRecord(
                    mode,
                    netns.toString(),
                    pid,
                    ProcInfo.startTime(pid).orElse(0),
                    null,
                    plan.ports());
        }
        Path apiSocket = rt.layout().sockets().resolve(pod.shortId() + "-slirp.sock");
        Files.createDirectories(apiSocket.getParent());
        long pid = rt.slirp().start(netns, apiSocket, podDir.resolve("slirp4netns.log"));
        NetworkRecord net =
                new NetworkRecord(
                        mode,
                        netns.toString(),
                        pid,
                        ProcInfo.startTime(pid).orElse(0),
                        apiSocket.toString(),
                        plan.ports());
        // recorded before forwarding, so that a failed forward still tears the helper down
        rt.state().save(pod.withNetwork(net));
        for (var port : plan.ports()) {
            rt.slirp().forward(apiSocket, port);
        }
        return net;
    }

    /** The pod record while a play is under way, saved after every change. */
    private final class Progress {
        private PodRecord pod;

        Progress(PodRecord pod) {
            this.pod = pod;
        }

        synchronized ContainerRecord add(ContainerRecord c) throws IOException {
            pod = pod.withContainer(c);
            save();
            return c;
        }

        /** Puts the containers back in manifest order, which parallel creation does not keep. */
        synchronized void order(List<ContainerRecord> inOrder) throws IOException {
            pod = pod.withContainers(inOrder);
            save();
        }

        synchronized ContainerRecord addInit(ContainerRecord c) throws IOException {
            pod = pod.withInitContainer(c);
            save();
            return c;
        }

        synchronized void save() throws IOException {
            rt.state().save(pod);
        }

        synchronized PodRecord pod() {
            return pod;
        }
    }

    /** Stops (SIGTERM, then SIGKILL after the grace period) and removes a pod and all it holds. */
    public PodRecord remove(String nameOrId, boolean force) throws PodException, IOException {
        try (StateStore.Lock ignored = rt.state().lock()) {
            repairOrphans();
            PodRecord pod = existing(nameOrId);
            if (!force && anyRunning(pod)) {
                throw new PodException(
                        "pod "
                                + pod.name()
                                + " has running containers: stop it first or use --force");
            }
            teardown.remove(pod, pod.gracePeriodSeconds());
            return pod;
        }
    }

    /** Removes every pod; returns the ids removed, orphans repaired on the way included. */
    public List<String> removeAll(boolean force) throws PodException, IOException {
        try (StateStore.Lock ignored = rt.state().lock()) {
            List<String> removed = new ArrayList<>(repairOrphans());
            for (PodRecord pod : rt.state().pods()) {
                if (!force && anyRunning(pod)) {
                    throw new PodException(
                            "pod "
                                    + pod.name()
                                    + " has running containers: stop it first or use --force");
                }
                teardown.remove(pod, pod.gracePeriodSeconds());
                removed.add(pod.id());
            }
            return removed;
        }
    }

    /** Stops every container of a pod, keeping the pod. */
    public PodRecord stop(String nameOrId, Long timeoutSeconds) throws PodException, IOException {
        try (StateStore.Lock ignored = rt.state().lock()) {
            PodRecord pod = existing(nameOrId);
            pod = pod.withPhase(PodPhase.STOPPED);
            rt.state().save(pod);
            teardown.markStopping(pod.id());
            teardown.stopContainers(
                    pod.allContainers(),
                    timeoutSeconds == null ? pod.gracePeriodSeconds() : timeoutSeconds);
            return pod;
        }
    }

    /**
     * Starts the stopped containers of a pod again: the infra first, then the others in parallel.
     */
    public PodRecord start(String nameOrId) throws PodException, IOException {
        try (StateStore.Lock ignored = rt.state().lock()) {
            PodRecord pod = existing(nameOrId);
            if ((pod.phase() != PodPhase.CREATED && pod.phase() != PodPhase.STOPPED)
                    || pod.infra() == null) {
                throw new PodException(
                        "pod " + pod.name() + " is not fully created; remove it and play it again");
            }
            pod = pod.withPhase(PodPhase.CREATED);
            rt.state().save(pod);
            Files.deleteIfExists(ContainerCreator.stoppingMarker(rt, pod.id()));
            ContainerRecord infra = pod.infra();
            if (!infra.processAlive()) {
                infra = creator.start(creator.recreate(infra, infra, List::of, false));
                pod = pod.withInfra(infra);
                rt.state().save(pod);
            }
            ContainerRecord newInfra = infra;
            List<ContainerRecord> stopped =
                    pod.containers().stream().filter(c -> !c.processAlive()).toList();
            Progress progress = new Progress(pod);
            boolean hooked = RestartRule.hooked(pod.restartPolicy());
            parallel(
                    stopped,
                    c ->
                            progress.add(
                                    creator.start(
                                            creator.recreate(
                                                    c, newInfra, () -> layers(c), hooked))));
            return progress.pod();
        }
    }

    private List<Path> layers(ContainerRecord c) {
        try {
            return rt.images()
                    .find(c.imageId())
                    .map(rt.images()::layerPaths)
                    .orElseThrow(
                            () ->
                                    new java.io.UncheckedIOException(
                                            new IOException(
                                                    "image "
                                                            + c.image()
                                                            + " of "
                                                            + c.name()
                                                            + " is no longer in the store")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * conmon's exit hook: applies the pod's restartPolicy to a container that exited, after the
     * kubelet's back-off (none for the first restart, then 10 s doubling to 5 min). Returns what it
     * did, for the log.
     */
    public String containerExited(String id) throws IOException, PodException {
        Optional<Located> exited = container(id);
        if (exited.isEmpty()) {
            return "container " + id + " is gone";
        }
        ContainerRecord c = exited.get().container();
        if (exited.get().pod().phase() != PodPhase.CREATED) {
            // stopped or being removed: conmon waits for this hook, so answer at once
            return "pod "
                    + exited.get().pod().name()
                    + " is "
                    + exited.get().pod().phase()
                    + ": not restarting";
        }
        ContainerStatus status = ContainerStatus.of(c, rt.layout().exits());
        if (!RestartRule.restarts(exited.get().pod().restartPolicy(), status.exitCode())) {
            return "restartPolicy "
                    + exited.get().pod().restartPolicy()
                    + ": not restarting "
                    + c.name();
        }
        try {
            Thread.sleep(RestartRule.backoffMillis(c.restartCount()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        try (StateStore.Lock ignored = rt.state().lock()) {
            Optional<PodRecord> pod = rt.state().pod(c.podId());
            Optional<ContainerRecord> now =
                    pod.flatMap(
                            p ->
                                    p.containers().stream()
                                            .filter(x -> x.id().equals(id))
                                            .findFirst());
            // the pod may have been stopped, removed or restarted while we waited
            if (pod.isEmpty()
                    || pod.get().phase() != PodPhase.CREATED
                    || now.isEmpty()
                    || now.get().processAlive()
                    || now.get().pid() != c.pid()
                    || pod.get().infra() == null
                    || !pod.get().infra().processAlive()) {
                return "not restarting " + c.name() + ": the pod changed meanwhile";
            }
            ContainerRecord again =
                    creator.start(
                            creator.recreate(
                                    now.get().restarted(),
                                    pod.get().infra(),
                                    () -> layers(c),
                                    true));
            rt.state().save(pod.get().withContainer(again));
            return "restarted " + c.name() + " (restart " + again.restartCount() + ")";
        }
    }

    /** What the pod was played from, as its {@link PodPlan#source()}. */
    public String source(PodRecord pod) throws IOException {
        Path file = rt.layout().pods().resolve(pod.id()).resolve(SOURCE);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private PodRecord existing(String nameOrId) throws IOException, PodException {
        return rt.state()
                .pod(nameOrId)
                .orElseThrow(
                        () -> new PodException("no pod with name or ID " + nameOrId + " found"));
    }

    public List<PodRecord> pods() throws IOException {
        return rt.state().pods();
    }

    /** A container by name, full id or unique id prefix, with its pod. */
    public Optional<Located> container(String nameOrId) throws IOException {
        List<Located> prefixed = new ArrayList<>();
        for (PodRecord pod : rt.state().pods()) {
            for (ContainerRecord c : pod.allContainers()) {
                if (c.name().equals(nameOrId) || c.id().equals(nameOrId)) {
                    return Optional.of(new Located(pod, c));
                }
                if (c.id().startsWith(nameOrId)) {
                    prefixed.add(new Located(pod, c));
                }
            }
        }
        return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
    }

    /** A container and the pod it belongs to. */
    public record Located(PodRecord pod, ContainerRecord container) {}

    /**
     * Pods left half-made or half-removed by a jpod that died (kill -9, power loss). Called with
     * the lock held, so their owner cannot still be working on them: they are torn down.
     */
    public List<String> repairOrphans() throws IOException {
        List<String> repaired = new ArrayList<>();
        for (PodRecord pod : rt.state().pods()) {
            if (pod.phase() == PodPhase.CREATING || pod.phase() == PodPhase.REMOVING) {
                teardown.remove(pod, 0);
                repaired.add(pod.id());
            }
        }
        new LeftoverSweep(rt).sweep(rt.state().pods());
        return repaired;
    }

    private boolean anyRunning(PodRecord pod) {
        return pod.containers().stream().anyMatch(ContainerRecord::processAlive);
    }

    interface Step<T, R> {
        R apply(T t) throws IOException, PodException;
    }

    static <T, R> List<R> parallel(List<T> items, Step<T, R> step)
            throws IOException, PodException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> step.apply(item)));
            }
            List<R> results = new ArrayList<>();
            Throwable first = null;
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (first instanceof PodException pe) {
                throw pe;
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first != null) {
                throw new IOException(first.getMessage(), first);
            }
            return results;
        }
    }
}
