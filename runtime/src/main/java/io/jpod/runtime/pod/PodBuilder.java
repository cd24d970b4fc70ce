package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.oci.IdMap;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.LifeFile;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Trace;
import io.jpod.runtime.userns.PodIdMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Makes a reserved pod, step by step: files and volumes, network, infra, init containers one at a
 * time, app containers in parallel. Each step is recorded before the next, so a failure or a kill
 * at any point leaves a record that teardown takes apart. Runs with the pod's lock held, never the
 * global one: an init container may run for minutes.
 */
final class PodBuilder {

    private final Runtime rt;
    private final ContainerCreator creator;
    private final PodNetwork network;
    private final LifecycleHooks hooks;
    private final SidecarStart sidecars;
    private final Layers layers;
    private final long backoffBaseMillis;

    PodBuilder(Runtime rt, ContainerCreator creator) {
        this(rt, creator, RestartRule.DEFAULT_BASE_MILLIS);
    }

    PodBuilder(Runtime rt, ContainerCreator creator, long backoffBaseMillis) {
        this.rt = rt;
        this.creator = creator;
        this.network = new PodNetwork(rt);
        this.hooks = new LifecycleHooks(rt);
        this.sidecars = new SidecarStart(rt);
        this.layers = new Layers(rt);
        this.backoffBaseMillis = backoffBaseMillis;
    }

    /**
     * Runs an init container to a successful exit. Under restartPolicy Never a failure fails the
     * pod; under Always and OnFailure it is run again after the kubelet's back-off, for as long as
     * it takes (the record says CrashLoopBackOff meanwhile), as the kubelet retries it.
     */
    private void runInit(
            ContainerRecord created, PodPlan plan, ContainerRecord infra, Progress progress)
            throws IOException, PodException {
        ContainerRecord c = progress.addInit(creator.start(created));
        Path dir = hooks.dir(c);
        while (true) {
            int code = awaitExit(c);
            if (code == 0) {
                return;
            }
            String failed =
                    "init container "
                            + c.name().substring(plan.name().length() + 1)
                            + " of pod "
                            + plan.name()
                            + " exited with code "
                            + code;
            if ("Never".equals(plan.restartPolicy())) {
                throw new PodException(failed + " (see `jpod logs " + c.name() + "`)");
            }
            ContainerLife life = LifeFile.read(dir);
            Instant finished = Instant.now();
            ContainerLife.Terminated run =
                    new ContainerLife.Terminated(
                            code,
                            ContainerLife.reason(code, life.failure()),
                            c.startedAt(),
                            finished,
                            "");
            long delay = RestartRule.backoffMillis(life.backoffStep(), backoffBaseMillis);
            System.err.println(
                    "Notice: "
                            + failed
                            + "; restarting it"
                            + (delay == 0 ? "" : " in " + delay + " ms")
                            + " (restart "
                            + (c.restartCount() + 1)
                            + ")");
            LifeFile.write(
                    dir, life.backingOff(life.backoffStep() + 1, finished.plusMillis(delay), run));
            try {
                rt.processes().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while backing off " + c.name(), e);
            }
            LifeFile.write(dir, LifeFile.read(dir).running());
            ContainerRecord again = creator.recreate(c.restarted(), infra, layers.of(c), false);
            c = progress.addInit(creator.start(again));
        }
    }

    /** Returns the pod with every container started; images by id, as reserved. */
    PodRecord build(PodRecord pod, PodPlan plan, Map<String, Image> images)
            throws IOException, PodException {
        return build(pod, plan, images, PlayOptions.DEFAULT);
    }

    /**
     * Without {@code start}, the app containers are created and not started ({@code play kube
     * --start=false}); {@code pod start} starts them. The containers the options name get what
     * systemd gave the service.
     */
    PodRecord build(PodRecord pod, PodPlan plan, Map<String, Image> images, PlayOptions options)
            throws IOException, PodException {
        Path podDir = Files.createDirectories(rt.layout().pods().resolve(pod.id()));
        PodFiles.write(podDir, plan);
        Files.writeString(
                Lookups.sourceFile(rt, pod.id()), plan.source() == null ? "" : plan.source());
        Files.writeString(Lookups.planFile(rt, pod.id()), PlanDigest.render(plan));
        Volumes.prepare(plan, podDir, rt.layout().volumes(), rt.processes());
        Trace.mark("storage: pod files, volumes");

        Progress progress = new Progress(rt.state(), pod);
        if (plan.security().ownUsers()) {
            // the infra makes the pod's user namespace and its network namespace inside it; the
            // network is bound and connected once it exists, before the infra runs
            IdMap userns = PodIdMapping.choose(rt.layout().rootless());
            ContainerRecord infra =
                    creator.createInfra(pod.id(), plan.name(), plan.hostname(), null, userns);
            progress.infra(infra);
            network.startOwned(plan, progress, podDir, infra.pid());
            Path netns = Path.of(progress.pod().network().netnsPath());
            return containers(plan, images, options, progress, infra, netns, podDir, null);
        }
        Path netns = network.namespace(plan, progress);
        // the containers join the namespace as soon as it exists: they are made while its helper
        // comes up, and nothing runs in the pod before the helper is up and its ports forwarded
        try (Parallel.Side connecting =
                netns == null
                        ? null
                        : Parallel.beside(() -> network.connect(plan, progress, netns, podDir))) {
            ContainerRecord infra =
                    creator.createInfra(pod.id(), plan.name(), plan.hostname(), netns, null);
            progress.infra(infra);
            return containers(plan, images, options, progress, infra, netns, podDir, connecting);
        }
    }

    /**
     * Starts the created (and recorded) infra, runs the init containers, and makes and starts the
     * app containers, once {@code connecting} (null when there is nothing to wait for) has
     * connected the pod's network: before the first init container, or else before the apps start.
     * Without init containers the infra starts beside the apps' creation.
     */
    private PodRecord containers(
            PodPlan plan,
            Map<String, Image> images,
            PlayOptions options,
            Progress progress,
            ContainerRecord infra,
            Path netns,
            Path podDir,
            Parallel.Side connecting)
            throws IOException, PodException {
        String podId = infra.podId();
        // with no init container to run first, the infra starts while the app containers are
        // made: they join its namespaces, which exist from its creation
        try (Parallel.Side infraStart =
                plan.initContainers().isEmpty()
                        ? Parallel.beside(() -> progress.infra(creator.start(infra)))
                        : null) {
            if (infraStart == null) {
                ContainerRecord runningInfra = creator.start(infra);
                progress.infra(runningInfra);
                if (connecting != null) {
                    connecting.join();
                }
                // init containers run one at a time, each to a successful exit; a sidecar
                // (restartPolicy Always) only has to have started (its startupProbe passed), and
                // keeps running
                for (ContainerPlan init : plan.initContainers()) {
                    boolean sidecar = init.life().sidecar();
                    ContainerRecord c =
                            creator.createApp(
                                    podId,
                                    plan.name(),
                                    plan,
                                    init,
                                    images.get(init.imageId()),
                                    runningInfra,
                                    netns,
                                    podDir,
                                    sidecar,
                                    options.extrasOf(plan.name(), init.name()));
                    progress.addInit(c);
                    if (sidecar) {
                        c = progress.addInit(creator.start(c));
                        hooks.postStart(c);
                        sidecars.await(progress.pod(), c);
                    } else {
                        runInit(c, plan, runningInfra, progress);
                    }
                }
            }
            Trace.mark("runtime: infra");

            // containers are independent once the infra holds the namespaces: create and start
            // them in parallel, recording each as soon as it exists so that a failure half-way
            // tears down exactly what was made
            // with sidecars, the last app container to finish stops them from its exit hook
            boolean hooked =
                    RestartRule.hooked(plan.restartPolicy())
                            || plan.initContainers().stream().anyMatch(i -> i.life().sidecar());
            List<ContainerRecord> created =
                    Parallel.each(
                            plan.containers(),
                            c ->
                                    progress.add(
                                            creator.createApp(
                                                    podId,
                                                    plan.name(),
                                                    plan,
                                                    c,
                                                    images.get(c.imageId()),
                                                    infra,
                                                    netns,
                                                    podDir,
                                                    hooked,
                                                    options.extrasOf(plan.name(), c.name()))));
            progress.order(created);
            Trace.mark("runtime: create containers");
            if (infraStart != null) {
                infraStart.join();
            }
            if (connecting != null) {
                connecting.join();
            }
            if (!options.start()) {
                return progress.pod();
            }
            Parallel.each(
                    created,
                    c -> {
                        ContainerRecord started = progress.add(creator.start(c));
                        hooks.postStart(started);
                        return started;
                    });
            Trace.mark("runtime: start containers");
            return progress.pod();
        }
    }

    /**
     * Waits for a container to exit, as the kubelet waits for an init container, and returns the
     * exit code conmon recorded.
     */
    private int awaitExit(ContainerRecord c) throws IOException {
        Path exitFile = rt.layout().exits().resolve(c.id());
        try {
            while (!Files.exists(exitFile)) {
                rt.processes().sleep(50);
            }
            return Integer.parseInt(Files.readString(exitFile).strip());
        } catch (NumberFormatException e) {
            // conmon writes the file in one go: a partial read is a file being written
            return awaitExit(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for init container " + c.name(), e);
        }
    }
}
