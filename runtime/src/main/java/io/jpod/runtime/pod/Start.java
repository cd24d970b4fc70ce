package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pod start}: starts the stopped containers of a pod again, and what a reboot or a kill took
 * from under them: the network namespace and its helper, the infra.
 */
final class Start {

    private final Runtime rt;
    private final Lookups lookups;
    private final ContainerCreator creator;
    private final Layers layers;
    private final PodNetwork network;

    private final LifecycleHooks hooks;
    private final SidecarStart sidecarStart;

    Start(Runtime rt, Lookups lookups, ContainerCreator creator, Layers layers) {
        this.hooks = new LifecycleHooks(rt);
        this.rt = rt;
        this.lookups = lookups;
        this.creator = creator;
        this.layers = layers;
        this.network = new PodNetwork(rt);
        this.sidecarStart = new SidecarStart(rt);
    }

    /** The infra first, then the others in parallel. */
    PodRecord start(String nameOrId) throws PodException, IOException {
        PodRecord found = lookups.pod(nameOrId);
        try (HeldPod held =
                HeldPod.take(rt.state(), found.id())
                        .orElseThrow(
                                () -> new PodException("pod " + found.name() + " was removed"))) {
            PodRecord pod = held.pod();
            if ((pod.phase() != PodPhase.CREATED && pod.phase() != PodPhase.STOPPED)
                    || pod.infra() == null) {
                throw new PodException(
                        "pod " + pod.name() + " is not fully created; remove it and play it again");
            }
            pod = pod.withPhase(PodPhase.CREATED);
            rt.state().save(pod);
            Files.deleteIfExists(ContainerCreator.stoppingMarker(rt, pod.id()));
            ContainerRecord infra = pod.infra();
            boolean infraAlive = lookups.alive(infra);
            Path podDir = rt.layout().pods().resolve(pod.id());
            boolean ownUsers = infra.spec() != null && infra.spec().pod().userns() != null;
            Progress progress = new Progress(rt.state(), pod);
            if (ownUsers && !infraAlive && pod.network() != null) {
                // a new infra makes new user and network namespaces: connected before it runs
                ContainerRecord created = creator.recreate(infra, infra, List::of, false);
                progress.infra(created);
                network.restartOwned(progress, podDir, created.pid());
                infra = creator.start(created);
                progress.infra(infra);
            } else {
                network.restore(progress, infraAlive, podDir);
                if (!infraAlive) {
                    infra = creator.start(creator.recreate(infra, infra, List::of, false));
                    progress.infra(infra);
                }
            }
            ContainerRecord newInfra = infra;
            // sidecars first, in order, each started before the next, as the play started them;
            // finished init containers stay
            List<ContainerRecord> sidecars =
                    pod.initContainers().stream()
                            .filter(c -> LifecycleHooks.plan(c).sidecar() && !lookups.alive(c))
                            .toList();
            for (ContainerRecord c : sidecars) {
                ContainerRecord started =
                        progress.addInit(
                                creator.start(creator.recreate(c, newInfra, layers.of(c), true)));
                hooks.postStart(started);
                sidecarStart.await(progress.pod(), started);
            }
            List<ContainerRecord> stopped =
                    pod.containers().stream().filter(c -> !lookups.alive(c)).toList();
            // played with --start=false: created, never started, waiting in the runtime's init
            List<ContainerRecord> waiting =
                    pod.containers().stream()
                            .filter(c -> c.startedAt() == null && lookups.alive(c))
                            .toList();
            boolean hooked = RestartRule.hooked(pod.restartPolicy()) || !pod.sidecars().isEmpty();
            Parallel.each(
                    waiting,
                    c -> {
                        ContainerRecord started = progress.add(creator.start(c));
                        hooks.postStart(started);
                        return started;
                    });
            Parallel.each(
                    stopped,
                    c -> {
                        ContainerRecord started =
                                progress.add(
                                        creator.start(
                                                creator.recreate(
                                                        c, newInfra, layers.of(c), hooked)));
                        hooks.postStart(started);
                        return started;
                    });
            return progress.pod();
        }
    }
}
