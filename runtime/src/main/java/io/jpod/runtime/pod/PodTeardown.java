package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.net.NetworkHelper;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.LifeFile;
import io.jpod.runtime.state.NetworkRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;
import io.jpod.runtime.sys.Processes;
import io.jpod.runtime.sys.Signals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes a pod apart in the reverse order of its making. Every step tolerates what is already gone,
 * so the same teardown finishes the work of one that was killed half-way. The caller holds the
 * pod's lock; the global lock is taken only to delete the record at the end, so a long grace period
 * holds up no other pod.
 */
final class PodTeardown {

    private final Runtime rt;
    private final LifecycleHooks hooks;

    PodTeardown(Runtime rt) {
        this.rt = rt;
        this.hooks = new LifecycleHooks(rt);
    }

    void remove(PodRecord pod, long graceSeconds) throws IOException {
        PodRecord removing = pod.withPhase(PodPhase.REMOVING);
        rt.state().save(removing);
        markStopping(pod.id());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<ContainerRecord> workloads = new ArrayList<>(pod.initContainers());
        workloads.addAll(pod.containers());
        try {
            stopContainers(workloads, graceSeconds);
        } catch (IOException e) {
            failures.add(e.getMessage());
        }
        // the workloads have stopped: the infra and the network go (as podman stops the infra
        // last) while the workloads' runtime states, overlays and directories are removed
        try (Parallel.Side sandbox = Parallel.beside(() -> removeSandbox(pod, failures))) {
            attempt(
                    failures,
                    () -> {
                        try {
                            Parallel.each(
                                    workloads,
                                    c -> {
                                        removeContainer(c);
                                        return c;
                                    });
                        } catch (PodException e) {
                            throw new IOException(e.getMessage(), e);
                        }
                    });
        } catch (PodException e) {
            failures.add(e.getMessage());
        }
        Path podDir = rt.layout().pods().resolve(pod.id());
        attempt(failures, () -> Volumes.release(podDir, rt.processes()));
        attempt(failures, () -> deleteTree(podDir));
        if (!failures.isEmpty()) {
            throw new IOException(
                    "pod " + pod.name() + " was not fully removed: " + String.join("; ", failures));
        }
        try (StateStore.Lock ignored = rt.state().lock()) {
            rt.state().delete(pod.id());
        }
        rt.state().deletePodLock(pod.id());
    }

    /**
     * The infra, then the network's helper and namespace; each failure is added to {@code
     * failures}.
     */
    private void removeSandbox(PodRecord pod, List<String> failures) {
        if (pod.infra() != null) {
            attempt(failures, () -> stopContainers(List.of(pod.infra()), 0));
            attempt(failures, () -> removeContainer(pod.infra()));
        }
        NetworkRecord net = pod.network();
        if (net != null) {
            attempt(
                    failures,
                    () ->
                            NetworkHelper.stop(
                                    rt.processes(), net.helperPid(), net.helperStartTime()));
            if (net.apiSocket() != null) {
                attempt(failures, () -> Files.deleteIfExists(Path.of(net.apiSocket())));
            }
            if (net.netnsPath() != null) {
                attempt(failures, () -> rt.netns().remove(Path.of(net.netnsPath())));
            }
        }
    }

    /** Tells the containers' exit hooks that what follows is on purpose (see ContainerCreator). */
    void markStopping(String podId) throws IOException {
        Path marker = ContainerCreator.stoppingMarker(rt, podId);
        if (Files.isDirectory(marker.getParent())) {
            Files.writeString(marker, "");
        }
    }

    /**
     * Stops containers the kubelet's way, within one grace period: the app containers at once, then
     * the sidecars one by one in the reverse of their start order, then the infra. Each gets its
     * preStop hook, then its stop signal, then SIGKILL once the grace period is used up.
     */
    void stopContainers(List<ContainerRecord> containers, long graceSeconds) throws IOException {
        containers.forEach(this::stopSleeper);
        long deadline = rt.processes().nanoTime() + graceSeconds * 1_000_000_000L;
        try {
            for (List<ContainerRecord> wave : StopOrder.waves(containers)) {
                List<ContainerRecord> running =
                        wave.stream()
                                .filter(
                                        c ->
                                                c.pid() > 0
                                                        && rt.processes()
                                                                .alive(c.pid(), c.pidStartTime()))
                                .toList();
                Parallel.each(
                        running,
                        c -> {
                            stopOne(c, deadline);
                            return c;
                        });
            }
        } catch (PodException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The back-off's sleeper would only find the container stopped on purpose. */
    private void stopSleeper(ContainerRecord c) {
        ContainerLife life = LifeFile.read(rt.layout().containers().resolve(c.id()));
        if (life.sleeperPid() > 0
                && rt.processes().alive(life.sleeperPid(), life.sleeperStartTime())) {
            rt.processes().kill(life.sleeperPid());
        }
    }

    private void stopOne(ContainerRecord c, long deadline) throws IOException {
        try {
            stopProcess(c, deadline);
            awaitConmon(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping " + c.name(), e);
        }
    }

    /**
     * conmon outlives its container by the exit hook it runs; a stopped pod leaves no monitor
     * behind.
     */
    private void awaitConmon(ContainerRecord c) throws InterruptedException {
        long deadline = rt.processes().nanoTime() + 15_000_000_000L;
        long nap = 1;
        while (rt.processes().nanoTime() < deadline) {
            // a zombie's cmdline is empty, and a reused pid names another program
            if (!rt.processes().cmdline(c.conmonPid()).contains(c.id())) {
                return;
            }
            rt.processes().sleep(nap);
            nap = Processes.nextPoll(nap);
        }
    }

    private void stopProcess(ContainerRecord c, long deadline)
            throws IOException, InterruptedException {
        long left = (deadline - rt.processes().nanoTime()) / 1_000_000;
        if (left > 0) {
            hooks.preStop(c, left);
            left = (deadline - rt.processes().nanoTime()) / 1_000_000;
        }
        if (left > 0) {
            signal(c, LifecycleHooks.plan(c).stopSignal());
            if (rt.processes().awaitExit(c.pid(), c.pidStartTime(), left)) {
                return;
            }
        }
        signal(c, "KILL");
        if (!rt.processes().awaitExit(c.pid(), c.pidStartTime(), 10_000)) {
            throw new IOException(
                    "container " + c.name() + " (pid " + c.pid() + ") did not die after SIGKILL");
        }
    }

    /**
     * The signal straight to the container's init, as the runtime's kill sends it, without starting
     * the runtime for it: that was some 15 ms of each step of a teardown. The pid is the one
     * recorded with its start time, so a reused pid is never signalled.
     */
    private void signal(ContainerRecord c, String signal) throws IOException {
        int number;
        try {
            number = Signals.number(signal);
        } catch (JpodException e) {
            throw new IOException("container " + c.name() + ": " + e.getMessage(), e);
        }
        if (rt.processes().alive(c.pid(), c.pidStartTime())) {
            rt.processes().signal(c.pid(), number);
        }
    }

    void removeContainer(ContainerRecord c) throws IOException {
        rt.oci().delete(c.id());
        Path dir = rt.layout().containers().resolve(c.id());
        if (c.overlay()) {
            rt.overlay().unmount(dir.resolve("overlay"));
        }
        deleteTree(dir);
        Files.deleteIfExists(rt.layout().exits().resolve(c.id()));
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void attempt(List<String> failures, Step step) {
        try {
            step.run();
        } catch (IOException | UncheckedIOException e) {
            failures.add(e.getMessage());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
