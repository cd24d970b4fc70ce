package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.host.HostInfo;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.logs.K8sFileLog;
import io.jpod.runtime.probe.HealthFiles;
import io.jpod.runtime.probe.PodHealth;
import io.jpod.runtime.probe.PodReadiness;
import io.jpod.runtime.probe.ProberProcess;
import io.jpod.runtime.probe.ReadyWait;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.volume.VolumeStore;

import java.io.IOException;
import java.nio.file.Path;
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
    private final Start start;
    private final Stop stop;
    private final Remove remove;
    private final ContainerExited exited;
    private final Exec exec;
    private final StoreRemovals removals;
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
        this.play = new Play(rt, new PodBuilder(rt, creator), teardown, remove, orphans);
        this.start = new Start(rt, lookups, creator, layers);
        this.stop = new Stop(rt, lookups, teardown);
        this.exited = new ContainerExited(rt, lookups, creator, layers);
        this.exec = new Exec(rt, lookups);
        this.removals = new StoreRemovals(rt);
        this.health = new HealthFiles(rt.layout().runDir());
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
        ProberProcess.ensure(rt);
        return played;
    }

    public PodRecord start(String pod) throws JpodException, IOException {
        PodRecord started = start.start(pod);
        ProberProcess.ensure(rt);
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

    /** conmon's exit hook; returns what it did, for conmon's log. */
    public String containerExited(String containerId) throws JpodException, IOException {
        return exited.handle(containerId);
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

    public K8sFileLog log(ContainerRecord c) {
        return lookups.log(c);
    }

    /** The manifest the pod was played from; empty if it was not kept. */
    public String source(PodRecord pod) throws IOException {
        return lookups.source(pod);
    }

    // probes

    /** What the prober last wrote of the pod's containers; empty for a pod without probes. */
    public Optional<PodHealth> health(PodRecord pod) {
        return health.read(pod.id());
    }

    /** Whether the pod is Ready, and if not, why. */
    public PodReadiness readiness(PodRecord pod) {
        return PodReadiness.of(pod, lookups.statuses(pod), health.read(pod.id()));
    }

    /**
     * Starts the prober if a pod has probes and none runs (after a crash or a kill): the commands
     * that show or wait for probe results call it.
     */
    public void ensureProber() throws IOException {
        ProberProcess.ensure(rt);
    }

    /** The hidden {@code prober} command: runs probes until no pod has any. */
    public void runProber() throws IOException, InterruptedException {
        ProberProcess.run(rt);
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

    /**
     * Each reference's image, looked up once for the planner: the plans it makes carry the ids, so
     * what is planned is what runs. Throws naming every reference not found.
     */
    /** The image store, for pulls: the CLI resolves pull policies, which live in the model. */
    public ImageStore imageStore() {
        return rt.images();
    }

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

    /** {@code info}'s sections, in order. */
    public Map<String, Object> info() {
        return HostInfo.collect(rt, env);
    }
}
