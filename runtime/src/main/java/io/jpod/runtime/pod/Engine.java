package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.host.HostInfo;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.logs.K8sFileLog;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.LifeFile;
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
        this.start = new Start(rt, lookups, creator, layers);
        this.stop = new Stop(rt, lookups, teardown);
        this.exited = new ContainerExited(rt, lookups, creator, layers, teardown, env);
        this.exec = new Exec(rt, lookups);
        this.removals = new StoreRemovals(rt);
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
        return play.play(plans, replace);
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
        return start.start(pod);
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

    public K8sFileLog log(ContainerRecord c) {
        return lookups.log(c);
    }

    /** The manifest the pod was played from; empty if it was not kept. */
    public String source(PodRecord pod) throws IOException {
        return lookups.source(pod);
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
