package io.jpod.runtime.probe;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One round of the prober. Every two seconds it re-reads the pod records, so that it follows pods
 * played, restarted, stopped and removed by other commands; every half second it begins the probes
 * that are due, each on a thread of its own, records the results, writes each changed pod's {@link
 * HealthFiles health file} and kills containers whose liveness or startup probe failed. The kill is
 * all it does to a container: conmon's exit hook restarts it per restartPolicy, as for any other
 * exit. The round ends when no pod needs it, or when nothing runs and the next probe is far enough
 * off that a sleeping shell costs less than a waiting JVM ({@link ProberProcess}); the health files
 * keep each probe's progress, so the next round goes on where this one left.
 */
public final class Prober {

    /**
     * Probes begin within half a second of being due; records and processes are looked at every two
     * seconds while the round lasts (bench/PROBER.md).
     */
    private static final long TICK_MILLIS = 500;

    private static final long RELOAD_NANOS = 2_000_000_000L;

    /**
     * The round stays when the next probe is due sooner. A round costs about 0.2 s of CPU, a
     * waiting JVM about 50 MiB: probes every 10 s, Kubernetes' default, cost 2% of a core in rounds
     * and leave a shell of 1 MiB between them; probes every few seconds would cost several per cent
     * in rounds, and keep the JVM (bench/PROBER.md).
     */
    static final long LEAVE_NANOS = 5_000_000_000L;

    /**
     * The longest a round leaves it to the shell, so that containers that start meanwhile (a
     * restart after a back-off) are probed within the default period.
     */
    static final long MAX_IDLE_NANOS = 10_000_000_000L;

    private final Runtime rt;
    private final BooleanSupplier orphaned;
    private final HealthFiles files;
    private final PodRecords podRecords;
    private final Map<String, Map<String, ContainerProber>> pods = new HashMap<>();
    private final Map<String, PodRecord> records = new HashMap<>();
    private final LinkedBlockingDeque<Finished> finished = new LinkedBlockingDeque<>();
    private final Set<String> changed = new HashSet<>();
    private final AtomicInteger killing = new AtomicInteger();

    /** {@code orphaned}: whether the shell that runs this round is gone (killed). */
    public Prober(Runtime rt, BooleanSupplier orphaned) {
        this.rt = rt;
        this.orphaned = orphaned;
        this.files = new HealthFiles(rt.layout().runDir());
        this.podRecords = new PodRecords(rt.state(), rt.layout().state());
    }

    private record Finished(
            String podId,
            ContainerProber container,
            ProbeWorker worker,
            ProbeCheck.Outcome outcome,
            Instant start,
            Instant end) {}

    /**
     * Runs until no pod has probes to run or its shell is gone (empty), or until it is idle for at
     * least {@link #LEAVE_NANOS}: then the nanoseconds until it is next needed, at most {@link
     * #MAX_IDLE_NANOS}.
     */
    public OptionalLong run() throws IOException, InterruptedException {
        long reloadAt = 0;
        while (true) {
            long now = rt.processes().nanoTime();
            if (now >= reloadAt) {
                // a round whose shell was killed ends, or the next shell's would probe beside it
                if (orphaned.getAsBoolean() || !reload(podRecords.read())) {
                    return OptionalLong.empty();
                }
                reloadAt = now + RELOAD_NANOS;
            }
            drain();
            beginDue(now);
            flush();
            long idle = idle(now);
            if (idle >= LEAVE_NANOS) {
                return OptionalLong.of(idle);
            }
            awaitResult(idle == 0 ? TICK_MILLIS : Math.min(TICK_MILLIS, idle / 1_000_000 + 1));
        }
    }

    /**
     * Waits up to {@code millis}, less when a probe finishes: a round that only waits for its
     * probes ends as soon as they are done, so its JVM lives as short as it can.
     */
    private void awaitResult(long millis) throws InterruptedException {
        Finished f = finished.pollFirst(millis, TimeUnit.MILLISECONDS);
        if (f != null) {
            finished.putFirst(f);
        }
    }

    /** How long nothing is to be done from {@code now}: 0 while a probe or a kill runs. */
    long idle(long now) {
        if (killing.get() > 0 || !finished.isEmpty()) {
            return 0;
        }
        long next = now + MAX_IDLE_NANOS;
        for (Map<String, ContainerProber> pod : pods.values()) {
            for (ContainerProber c : pod.values()) {
                if (c.busy()) {
                    return 0;
                }
                next = Math.min(next, c.nextDue());
            }
        }
        return Math.max(0, next - now);
    }

    /** Whether any pod has probes: running, or being played and about to run. */
    public static boolean needed(List<PodRecord> all) {
        return all.stream()
                .anyMatch(
                        p ->
                                (p.phase() == PodPhase.CREATED || p.phase() == PodPhase.CREATING)
                                        && hasProbes(p));
    }

    /** Whether any container the kubelet probes has a probe; a loop: ps asks it of every pod. */
    public static boolean hasProbes(PodRecord pod) {
        for (ContainerRecord c : probeable(pod)) {
            if (probed(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The containers the kubelet probes: native sidecars (init containers that restart always),
     * then the app containers. Init containers that run to completion have no probes.
     */
    public static List<ContainerRecord> probeable(PodRecord pod) {
        List<ContainerRecord> all = new ArrayList<>(pod.sidecars());
        all.addAll(pod.containers());
        return all;
    }

    /** Whether the container has a probe of any kind. */
    public static boolean probed(ContainerRecord c) {
        return c.spec() != null
                && c.spec().container() != null
                && c.spec().container().probes().any();
    }

    /** Follows the records; false when nothing is left to probe. */
    boolean reload(List<PodRecord> all) throws IOException {
        Set<String> seen = new HashSet<>();
        for (PodRecord pod : all) {
            seen.add(pod.id());
            records.put(pod.id(), pod);
            Map<String, ContainerProber> current =
                    pods.computeIfAbsent(pod.id(), id -> new LinkedHashMap<>());
            boolean active = pod.phase() == PodPhase.CREATED && !stopping(pod);
            for (ContainerRecord c : probeable(pod)) {
                ContainerProber known = current.get(c.name());
                boolean runs =
                        active
                                && probed(c)
                                && c.startedAt() != null
                                && rt.processes().alive(c.pid(), c.pidStartTime());
                if (!runs) {
                    if (known != null) {
                        // stopped, exited or being stopped: not ready, and no more liveness
                        current.remove(c.name());
                        changed.add(pod.id());
                    }
                    continue;
                }
                if (known == null
                        || !known.containerId().equals(c.id())
                        || known.pidStartTime() != c.pidStartTime()) {
                    ContainerProber prober =
                            new ContainerProber(
                                    c.id(),
                                    c.pidStartTime(),
                                    c.spec().container().probes(),
                                    startedAtNanos(c.startedAt()));
                    current.put(c.name(), prober);
                    changed.add(pod.id());
                    if (known == null) {
                        resume(pod, c, prober);
                    }
                }
            }
        }
        for (String id : List.copyOf(pods.keySet())) {
            if (!seen.contains(id)) {
                pods.remove(id);
                records.remove(id);
                changed.remove(id);
            }
        }
        Set<String> removing = new HashSet<>();
        all.stream().filter(p -> p.phase() == PodPhase.REMOVING).forEach(p -> removing.add(p.id()));
        for (String id : files.podIds()) {
            if (!seen.contains(id) || removing.contains(id)) {
                files.delete(id);
                changed.remove(id);
            }
        }
        return needed(all);
    }

    /**
     * A container this round has not seen yet goes on from what an earlier round wrote of the same
     * run of it; one that round was killing is killed again, in case that round died meanwhile.
     */
    private void resume(PodRecord pod, ContainerRecord c, ContainerProber prober) {
        ContainerHealth last =
                files.read(pod.id()).map(h -> h.containers().get(c.name())).orElse(null);
        if (last == null
                || last.progress() == null
                || !last.containerId().equals(c.id())
                || last.pidStartTime() != c.pidStartTime()) {
            return;
        }
        prober.resume(last.progress(), last.log(), rt.processes().nanoTime());
        ProbeWorker failed = prober.failedProbe();
        if (prober.killed() && failed != null) {
            kill(pod, prober, failed);
        }
    }

    private boolean stopping(PodRecord pod) {
        return Files.exists(rt.layout().pods().resolve(pod.id()).resolve("stopping"));
    }

    private long startedAtNanos(Instant startedAt) {
        long ago = java.time.Duration.between(startedAt, Instant.now()).toNanos();
        return rt.processes().nanoTime() - Math.max(0, ago);
    }

    private void drain() {
        Finished f;
        while ((f = finished.poll()) != null) {
            Map<String, ContainerProber> current = pods.get(f.podId());
            // a result for a container run that is gone meanwhile is dropped
            if (current == null || !current.containsValue(f.container())) {
                continue;
            }
            ProbeWorker failed = f.container().record(f.worker(), f.outcome(), f.start(), f.end());
            changed.add(f.podId());
            if (failed != null) {
                kill(records.get(f.podId()), f.container(), failed);
            }
        }
    }

    private void beginDue(long now) {
        for (Map.Entry<String, Map<String, ContainerProber>> pod : pods.entrySet()) {
            PodRecord record = records.get(pod.getKey());
            for (ContainerProber c : pod.getValue().values()) {
                for (ProbeWorker w : c.due(now)) {
                    w.beginOnGrid(now);
                    begin(record, c, w);
                }
            }
        }
    }

    private void begin(PodRecord pod, ContainerProber c, ProbeWorker w) {
        ProbeCheck check = ProbeChecks.of(w.plan().action(), rt);
        ProbeCheck.Target target = ProbeCheck.Target.of(pod, c.containerId());
        Thread.ofPlatform()
                .daemon()
                .stackSize(256 * 1024)
                .name("probe")
                .start(
                        () -> {
                            Instant start = Instant.now();
                            ProbeCheck.Outcome outcome;
                            try {
                                outcome = check.check(target, w.plan().timeoutSeconds());
                            } catch (InterruptedException e) {
                                return;
                            } catch (RuntimeException e) {
                                outcome = ProbeCheck.Outcome.failed(String.valueOf(e));
                            }
                            finished.add(
                                    new Finished(pod.id(), c, w, outcome, start, Instant.now()));
                        });
    }

    /**
     * SIGTERM, then SIGKILL after the probe's terminationGracePeriodSeconds or else the pod's, on a
     * thread of its own so that other pods' probes go on meanwhile.
     */
    private void kill(PodRecord pod, ContainerProber c, ProbeWorker failed) {
        ContainerRecord record =
                probeable(pod).stream()
                        .filter(x -> x.id().equals(c.containerId()))
                        .findFirst()
                        .orElse(null);
        if (record == null) {
            return;
        }
        long grace =
                failed.plan().terminationGracePeriodSeconds() != null
                        ? failed.plan().terminationGracePeriodSeconds()
                        : pod.gracePeriodSeconds();
        System.err.println(
                Instant.now()
                        + " "
                        + record.name()
                        + ": "
                        + failed.kind().label()
                        + " probe failed "
                        + failed.plan().failureThreshold()
                        + " times ("
                        + failed.plan().describe()
                        + "): killing it");
        killing.incrementAndGet();
        Thread.ofPlatform()
                .daemon()
                .name("probe-kill")
                .start(
                        () -> {
                            try {
                                // the pid with its start time: never a process that reused it
                                if (!rt.processes().alive(record.pid(), record.pidStartTime())) {
                                    return;
                                }
                                rt.processes().terminate(record.pid());
                                if (!rt.processes()
                                        .awaitExit(
                                                record.pid(),
                                                record.pidStartTime(),
                                                grace * 1000)) {
                                    rt.processes().kill(record.pid());
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                killing.decrementAndGet();
                            }
                        });
    }

    private void flush() throws IOException {
        for (String id : List.copyOf(changed)) {
            Map<String, ContainerProber> current = pods.get(id);
            PodRecord pod = records.get(id);
            if (current == null || pod == null) {
                continue;
            }
            Map<String, ContainerHealth> health = new LinkedHashMap<>();
            PodHealth before = files.read(id).orElse(null);
            for (ContainerRecord c : probeable(pod)) {
                ContainerProber p = current.get(c.name());
                if (p != null) {
                    health.put(c.name(), p.health());
                } else if (before != null && before.containers().containsKey(c.name())) {
                    // no longer probed: the last results stay, not ready
                    ContainerHealth last = before.containers().get(c.name());
                    health.put(
                            c.name(),
                            new ContainerHealth(
                                    last.containerId(),
                                    last.pidStartTime(),
                                    last.status(),
                                    last.failingStreak(),
                                    last.started(),
                                    false,
                                    last.log()));
                }
            }
            if (!health.isEmpty()) {
                files.write(id, new PodHealth(Instant.now(), health));
            }
        }
        changed.clear();
    }
}
