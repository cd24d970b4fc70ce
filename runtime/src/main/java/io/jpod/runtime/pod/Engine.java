package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.host.HostInfo;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.image.archive.ArchiveFormat;
import io.jpod.runtime.logs.K8sFileLog;
import io.jpod.runtime.logs.LogDriver;
import io.jpod.runtime.probe.HealthFiles;
import io.jpod.runtime.probe.PodHealth;
import io.jpod.runtime.probe.PodReadiness;
import io.jpod.runtime.probe.Prober;
import io.jpod.runtime.probe.ProberProcess;
import io.jpod.runtime.probe.ReadyWait;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.HelperStatus;
import io.jpod.runtime.state.LifeFile;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.HostProcesses;
import io.jpod.runtime.volume.VolumeStore;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one entry into jpod's runtime: every command calls a verb here and prints what it returns.
 * Each verb is a class of its own; this wires them and names them. Failures the user should read
 * are {@link JpodException}s, carrying the exit code.
 */
public final class Engine {

    private final Runtime rt;
    private final Map<String, String> env;
    private final Lookups lookups;
    private final Play play;
    private final Reconcile reconcile;
    private final Start start;
    private final Stop stop;
    private final Remove remove;
    private final ContainerExited exited;
    private final Exec exec;
    private final StoreRemovals removals;
    private final ContainerStop containerStop;
    private final ContainerStart containerStart;
    private final ContainerKill kill;
    private final ContainerRemove containerRemove;
    private final ContainerWait containerWait;
    private final ContainerCopy copy;
    private final ContainerTop top;
    private final SystemPrune prune;
    private final DiskUsage diskUsage;
    private final SystemReset reset;
    private final HealthFiles health;

    public Engine(Runtime rt) {
        this(rt, Map.of());
    }

    /** With the environment jpod runs in, which {@link #info()} reports choices from. */
    public Engine(Runtime rt, Map<String, String> env) {
        this.rt = rt;
        this.env = Map.copyOf(env);
        ContainerCreator creator = new ContainerCreator(rt);
        PodTeardown teardown = new PodTeardown(rt);
        Layers layers = new Layers(rt);
        this.lookups = new Lookups(rt);
        Orphans orphans = new Orphans(rt, teardown);
        this.remove = new Remove(rt, lookups, teardown, orphans);
        this.play =
                new Play(
                        rt,
                        new PodBuilder(rt, creator, RestartRule.baseMillis(env)),
                        teardown,
                        remove,
                        orphans);
        this.reconcile = new Reconcile(rt, play, remove, orphans, lookups);
        this.start = new Start(rt, lookups, creator, layers);
        this.stop = new Stop(rt, lookups, teardown);
        this.exited = new ContainerExited(rt, lookups, creator, layers, teardown, env);
        this.exec = new Exec(rt, lookups);
        this.removals = new StoreRemovals(rt);
        this.containerStop = new ContainerStop(rt, lookups, teardown);
        this.containerStart = new ContainerStart(rt, lookups, creator, layers);
        this.kill = new ContainerKill(rt, lookups);
        this.containerRemove = new ContainerRemove(rt, lookups, teardown);
        this.containerWait = new ContainerWait(rt, lookups);
        this.copy = new ContainerCopy(rt, lookups);
        this.top = new ContainerTop(lookups);
        this.prune = new SystemPrune(rt, lookups, remove, removals);
        this.diskUsage = new DiskUsage(rt, lookups);
        this.reset = new SystemReset(rt, remove, removals);
        this.health = new HealthFiles(rt.layout().runDir());
    }

    /**
     * Readies, on a spare thread, the plan digests a play records and the host's process machinery
     * (see {@link HostProcesses#warmUp}): for {@code play kube} and {@code kube down}, called
     * before they read their manifests.
     */
    public static void warmUp() {
        Thread warm =
                new Thread(
                        () -> {
                            PlanDigest.warmUp();
                            HostProcesses.warmUp();
                        },
                        "jpod-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** The engine of this invocation, for the user and environment it runs in. */
    public static Engine open(Map<String, String> env) {
        return new Engine(Runtime.open(env), env);
    }

    // pods

    /**
     * Runs the pods of the plans, all or nothing; with {@code replace}, pods of the same names are
     * removed first.
     */
    public List<PodRecord> play(List<PodPlan> plans, boolean replace)
            throws JpodException, IOException {
        List<PodRecord> played = play.play(plans, replace);
        ProberProcess.ensureAwake(rt);
        return played;
    }

    /**
     * As {@link #play(List, boolean)}, each pod recording its source and the digests of its plan;
     * with {@code options.start()} false the app containers are only created.
     */
    public List<PodRecord> play(List<SourcedPlan> plans, boolean replace, PlayOptions options)
            throws JpodException, IOException {
        List<PodRecord> played = play.play(plans, replace, options);
        ProberProcess.ensureAwake(rt);
        return played;
    }

    /**
     * What {@link #reconcile} would do, without doing it: one step per wanted pod, and with {@code
     * prune} one per pod a play of one of the {@code sources} made that they no longer have.
     */
    public List<ReconcileStep> planReconcile(
            List<SourcedPlan> wanted, Set<String> sources, boolean prune) throws IOException {
        return reconcile.plan(wanted, sources, prune);
    }

    /** {@code play kube --replace}: unchanged pods are left alone, changed ones replaced. */
    public List<Reconciled> reconcile(
            List<SourcedPlan> wanted, Set<String> sources, boolean prune, PlayOptions options)
            throws JpodException, IOException {
        List<Reconciled> done = reconcile.apply(wanted, sources, prune, options);
        ProberProcess.ensureAwake(rt);
        return done;
    }

    /**
     * The pods {@code kube down} of a source removes: those a play of one of the {@code sources}
     * made, and those named in it that no play recorded a source for (stdin, an older jpod).
     */
    public List<PodRecord> podsOf(Set<String> sources, Set<String> names) throws IOException {
        return lookups.pods().stream()
                .filter(
                        p ->
                                p.applied() == null || p.applied().source() == null
                                        ? names.contains(p.name())
                                        : sources.contains(p.applied().source()))
                .toList();
    }

    /**
     * Removes the pods at once, each stopped within its grace period; returns those removed (a pod
     * removed meanwhile by another command is not an error).
     */
    public List<PodRecord> removeEach(List<PodRecord> pods) throws JpodException, IOException {
        List<PodRecord> removed =
                Parallel.each(
                                pods,
                                p -> {
                                    try {
                                        return Optional.of(remove.remove(p.id(), true));
                                    } catch (PodException e) {
                                        if (lookups.findPod(p.id()).isEmpty()) {
                                            return Optional.<PodRecord>empty();
                                        }
                                        throw e;
                                    }
                                })
                        .stream()
                        .flatMap(Optional::stream)
                        .toList();
        return removed;
    }

    /**
     * Runs a Job to its end in this process ({@code play kube --wait}); each pod it plays is handed
     * to {@code played}, each retry explained to {@code notices}.
     */
    public JobRun.Result runJob(
            JobPlan job,
            boolean replace,
            java.util.function.Consumer<PodRecord> played,
            java.util.function.Consumer<String> notices)
            throws JpodException, IOException {
        return new JobRun(play, stop, lookups, rt.processes(), RestartRule.baseMillis(env))
                .run(job, replace, played, notices);
    }

    public PodRecord start(String pod) throws JpodException, IOException {
        PodRecord started = start.start(pod);
        ProberProcess.ensureAwake(rt);
        return started;
    }

    /** {@code timeoutSeconds} null: the pod's own grace period. */
    public PodRecord stop(String pod, Long timeoutSeconds) throws JpodException, IOException {
        return stop.stop(pod, timeoutSeconds);
    }

    /** Without {@code force}, refused while a container runs. */
    public PodRecord remove(String pod, boolean force) throws JpodException, IOException {
        return remove.remove(pod, force);
    }

    /** Returns the ids removed, pods repaired on the way included. */
    public List<String> removeAll(boolean force) throws JpodException, IOException {
        return remove.removeAll(force);
    }

    /** {@code pod restart}: stops the pod, then starts it again. */
    public PodRecord restart(String pod, Long timeoutSeconds) throws JpodException, IOException {
        stop.stop(pod, timeoutSeconds);
        return start.start(pod);
    }

    /** {@code pod kill}: signals the pod's running app containers; returns those signalled. */
    public List<ContainerRecord> killPod(String pod, String signal)
            throws JpodException, IOException {
        return kill.killPod(pod, signal);
    }

    // containers of a pod

    /**
     * Stops one app container, leaving its pod running; its restartPolicy waits for {@code
     * startContainer}.
     */
    public ContainerRecord stopContainer(String container, Long timeoutSeconds)
            throws JpodException, IOException {
        return containerStop.stop(container, timeoutSeconds);
    }

    public ContainerRecord startContainer(String container) throws JpodException, IOException {
        return containerStart.start(container);
    }

    /** {@code signal}: a name (HUP, SIGHUP) or a number. */
    public ContainerRecord killContainer(String container, String signal)
            throws JpodException, IOException {
        return kill.kill(container, signal);
    }

    /** Takes an app container out of its pod; a running one only with {@code force}. */
    public ContainerRecord removeContainer(String container, boolean force, Long timeoutSeconds)
            throws JpodException, IOException {
        return containerRemove.remove(container, force, timeoutSeconds);
    }

    /** Blocks until the container is in {@code condition}; returns its exit code. */
    public int waitContainer(String container, String condition, Duration interval)
            throws JpodException, IOException {
        return containerWait.await(container, condition, interval);
    }

    /** {@code cp CTR:PATH DEST}: DEST a host path as the user gave it (a trailing / matters). */
    public void copyOut(String container, String path, String dest)
            throws JpodException, IOException {
        copy.out(container, path, dest);
    }

    /** {@code cp CTR:PATH -}: PATH as a tar stream. */
    public void copyOut(String container, String path, java.io.OutputStream tar)
            throws JpodException, IOException {
        copy.outTar(container, path, tar);
    }

    /**
     * {@code cp SRC CTR:PATH}: SRC a host path as the user gave it ({@code DIR/.}: its content).
     */
    public void copyIn(String source, String container, String path)
            throws JpodException, IOException {
        copy.in(source, container, path);
    }

    /** {@code cp - CTR:DIR}: a tar stream extracted into DIR. */
    public void copyIn(java.io.InputStream tar, String container, String path)
            throws JpodException, IOException {
        copy.inTar(tar, container, path);
    }

    /**
     * A process of a container, {@code top}'s row: pids as the container sees them, ids named from
     * the container's own /etc/passwd and /etc/group.
     */
    public record TopProcess(
            String container,
            io.jpod.runtime.sys.ProcessSample sample,
            long pid,
            long ppid,
            String user,
            String group) {}

    public List<TopProcess> top(String container) throws JpodException, IOException {
        return top.top(container);
    }

    /** The processes of every running app container of the pod. */
    public List<TopProcess> podTop(String pod) throws JpodException, IOException {
        return top.podTop(pod);
    }

    /** conmon's exit hook; returns what it did, for conmon's log. */
    public String containerExited(String containerId) throws JpodException, IOException {
        return exited.handle(containerId);
    }

    /** The back-off's sleeper, once the back-off is over: restarts the container. */
    public String containerBackedOff(String containerId) throws JpodException, IOException {
        return exited.afterBackoff(containerId);
    }

    /** What the kubelet would know of the container beyond its process. */
    public ContainerLife life(ContainerRecord c) {
        return LifeFile.read(rt.layout().containers().resolve(c.id()));
    }

    /**
     * The current run's termination message, once it exited; empty while it runs. The previous
     * run's is in {@link #life}.
     */
    public String terminationMessage(ContainerRecord c, ContainerStatus status) {
        if (c.infra() || status.running() || c.startedAt() == null) {
            return "";
        }
        ContainerLife life = life(c);
        if (life.failure() != null) {
            return life.failureMessage() == null ? "" : life.failureMessage();
        }
        return TerminationMessage.read(
                TerminationMessage.file(rt.layout().containers().resolve(c.id())),
                lookups.log(c),
                LifecycleHooks.plan(c).fallbackToLogsOnError(),
                status.exitCode());
    }

    /** What {@code exec} runs, and how. */
    public record ExecRequest(
            boolean interactive,
            boolean tty,
            List<String> env,
            String workDir,
            List<String> command) {
        public ExecRequest {
            env = env == null ? List.of() : List.copyOf(env);
            command = List.copyOf(command);
        }
    }

    /** Returns the command's exit code; 125, 126 or 127 come as an exception when jpod cannot. */
    public int exec(String container, ExecRequest request) throws JpodException, IOException {
        return exec.exec(container, request);
    }

    // lookups

    public List<PodRecord> pods() throws IOException {
        return lookups.pods();
    }

    public Optional<PodRecord> findPod(String nameOrId) throws IOException {
        return lookups.findPod(nameOrId);
    }

    public PodRecord pod(String nameOrId) throws JpodException, IOException {
        return lookups.pod(nameOrId);
    }

    public Optional<Located> findContainer(String nameOrId) throws IOException {
        return lookups.findContainer(nameOrId);
    }

    public Located container(String nameOrId) throws JpodException, IOException {
        return lookups.container(nameOrId);
    }

    public ContainerStatus status(ContainerRecord c) {
        return lookups.status(c);
    }

    /** Every container's status in the pod, by container id. */
    public Map<String, ContainerStatus> statuses(PodRecord pod) {
        return lookups.statuses(pod);
    }

    /** The pod's network helper and whether it still runs. */
    public Optional<HelperStatus> networkHelper(PodRecord pod) {
        return lookups.networkHelper(pod);
    }

    /** The container's log; an error when its pod was played with {@code --log-driver none}. */
    public K8sFileLog log(ContainerRecord c) throws JpodException {
        if (LogDriver.of(rt.layout().pods().resolve(c.podId())) == LogDriver.NONE) {
            throw new JpodException(
                    "container "
                            + c.name()
                            + " has no log: its pod was played with --log-driver none");
        }
        return lookups.log(c);
    }

    /** The plan the pod was played from, as {@code kube diff} shows it; empty if not kept. */
    public String planText(PodRecord pod) throws IOException {
        return lookups.planText(pod);
    }

    /** The manifest the pod was played from; empty if it was not kept. */
    public String source(PodRecord pod) throws IOException {
        return lookups.source(pod);
    }

    // probes

    /** What the prober last wrote of the pod's containers; empty for a pod without probes. */
    public Optional<PodHealth> health(PodRecord pod) {
        // no file to look for (and no exception for its absence) where nothing is probed
        return Prober.hasProbes(pod) ? health.read(pod.id()) : Optional.empty();
    }

    /** Whether the pod is Ready, and if not, why. */
    public PodReadiness readiness(PodRecord pod) {
        return readiness(pod, lookups.statuses(pod));
    }

    /** As {@link #readiness(PodRecord)}, from the statuses {@link #statuses} gave. */
    public PodReadiness readiness(PodRecord pod, Map<String, ContainerStatus> states) {
        return PodReadiness.of(pod, states, health(pod));
    }

    /**
     * Starts the prober if a pod has probes and none runs (after a crash or a kill): the commands
     * that show or wait for probe results call it.
     */
    public void ensureProber() throws IOException {
        ProberProcess.ensure(rt);
    }

    /** As {@link #ensureProber()}, with the pods the caller has read already. */
    public void ensureProber(List<PodRecord> pods) throws IOException {
        ProberProcess.ensure(rt, pods);
    }

    /**
     * The hidden {@code prober} command: one round of probes; the milliseconds until the next
     * round, or empty when no pod has probes.
     */
    public java.util.OptionalLong runProber() throws IOException, InterruptedException {
        return ProberProcess.run(rt);
    }

    /** Polls pods for readiness or deletion, as {@code wait} does. */
    public ReadyWait readyWait() {
        return new ReadyWait(
                new ReadyWait.Pods() {
                    @Override
                    public Optional<PodRecord> find(String nameOrId) throws IOException {
                        return lookups.findPod(nameOrId);
                    }

                    @Override
                    public PodReadiness readiness(PodRecord pod) {
                        return Engine.this.readiness(pod);
                    }
                },
                rt.processes());
    }

    // images

    public List<Image> images() throws IOException {
        return rt.images().list();
    }

    public Optional<Image> findImage(String nameOrId) throws IOException {
        return rt.images().find(nameOrId);
    }

    /** The image store, for pulls: the CLI resolves pull policies, which live in the model. */
    public ImageStore imageStore() {
        return rt.images();
    }

    /**
     * Each reference's image, looked up once for the planner: the plans it makes carry the ids, so
     * what is planned is what runs. Throws naming every reference not found.
     */
    public Map<String, Image> images(Collection<String> references)
            throws JpodException, IOException {
        Map<String, Image> found = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String ref : references) {
            if (!found.containsKey(ref) && !missing.contains(ref)) {
                rt.images()
                        .find(ref)
                        .ifPresentOrElse(image -> found.put(ref, image), () -> missing.add(ref));
            }
        }
        if (!missing.isEmpty()) {
            throw new PodException(
                    "image not known: "
                            + String.join(", ", missing)
                            + " (load it with `jpod load -i ARCHIVE` or `jpod import ROOTFS.tar"
                            + " NAME`)");
        }
        return found;
    }

    public List<Image> load(Path archive) throws JpodException, IOException {
        return rt.images().load(archive.toAbsolutePath());
    }

    /**
     * Writes images to an archive on {@code out}, as {@code podman save} to its standard output.
     */
    public void save(List<String> references, ArchiveFormat format, OutputStream out)
            throws JpodException, IOException {
        rt.images().save(references, format, out);
    }

    /**
     * Writes images to an archive file: into a temporary file beside it, renamed into place when
     * complete, so a failed save leaves no half archive.
     */
    public void save(List<String> references, ArchiveFormat format, Path file)
            throws JpodException, IOException {
        Path target = file.toAbsolutePath();
        // rw-r--r--, as a file written under the usual umask: the temporary file starts 0600
        Path partial =
                Files.createTempFile(
                        target.getParent(),
                        ".jpod-save-",
                        ".tar",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-r--r--")));
        try {
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(partial), 65536)) {
                rt.images().save(references, format, out);
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public Image importRootfs(Path tarball, String name, List<String> changes)
            throws JpodException, IOException {
        return rt.images().importRootfs(tarball.toAbsolutePath(), name, changes);
    }

    /** Refused while any pod holds the image; returns the image as it was. */
    public Image removeImage(String name) throws JpodException, IOException {
        return removals.removeImage(name);
    }

    // volumes

    public List<VolumeStore.Volume> volumes() throws IOException {
        return rt.volumes().list();
    }

    public Optional<VolumeStore.Volume> findVolume(String name) throws IOException {
        return rt.volumes().find(name);
    }

    public VolumeStore.Volume createVolume(String name) throws JpodException, IOException {
        return rt.volumes().create(name);
    }

    /** Refused while a pod holds it, unless {@code force}. */
    public void removeVolume(String name, boolean force) throws JpodException, IOException {
        removals.removeVolume(name, force);
    }

    // host

    /** What {@code system prune} would remove now, for its confirmation. */
    public SystemPrune.Selection pruneSelection(boolean allImages, boolean volumes)
            throws IOException {
        return prune.plan(allImages, volumes);
    }

    /** Pods with nothing running, then unused images (all with {@code allImages}) and volumes. */
    public SystemPrune.Selection prune(boolean allImages, boolean volumes) throws IOException {
        return prune.prune(allImages, volumes);
    }

    /** Removes the volumes no pod holds; returns their names. */
    public List<String> pruneVolumes() throws IOException {
        return prune.pruneVolumes();
    }

    /** {@code system df}'s lines: images, containers, local volumes. */
    public List<DiskUsage.Kind> diskUsage() throws IOException {
        return diskUsage.usage();
    }

    /** Removes every pod, image and volume, and all else jpod keeps for the user. */
    public void reset() throws JpodException, IOException {
        reset.reset();
    }

    /** {@code info}'s sections, in order. */
    public Map<String, Object> info() {
        return HostInfo.collect(rt, env);
    }
}
