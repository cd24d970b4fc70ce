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
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The prober's loop. Every two seconds it re-reads the pod records, so that it follows pods played,
 * restarted, stopped and removed by other commands and picks up where a killed prober left off;
 * every half second it begins the probes that are due, each on a thread of its own, records the
 * results, writes each changed pod's {@link HealthFiles health file} and kills containers whose
 * liveness or startup probe failed. The kill is all it does to a container: conmon's exit hook
 * restarts it per restartPolicy, as for any other exit. Returns when no pod needs it.
 */
public final class Prober {

    /**
     * Probes begin within half a second of being due; records and processes are looked at every two
     * seconds (bench/PROBER.md: what the idle prober costs is mostly this looking).
     */
    private static final long TICK_MILLIS = 500;

    private static final long RELOAD_NANOS = 2_000_000_000L;

    private final Runtime rt;
    private final HealthFiles files;
    private final PodRecords podRecords;
    private final Map<String, Map<String, ContainerProber>> pods = new HashMap<>();
    private final Map<String, PodRecord> records = new HashMap<>();
    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final Set<String> changed = new HashSet<>();

    public Prober(Runtime rt) {
        this.rt = rt;
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

    /** Runs until no pod has probes to run. */
    public void run() throws IOException, InterruptedException {
        long reloadAt = 0;
        while (true) {
            long now = rt.processes().nanoTime();
            if (now >= reloadAt) {
                if (!reload(podRecords.read())) {
                    return;
                }
                reloadAt = now + RELOAD_NANOS;
            }
            drain();
            beginDue(now);
            flush();
            rt.processes().sleep(TICK_MILLIS);
        }
    }

    /** Whether any pod has probes: running, or being played and about to run. */
    public static boolean needed(List<PodRecord> all) {
        return all.stream()
                .anyMatch(
                        p ->
                                (p.phase() == PodPhase.CREATED || p.phase() == PodPhase.CREATING)
                                        && probeable(p).stream().anyMatch(Prober::probed));
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

    static boolean probed(ContainerRecord c) {
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
                    current.put(
                            c.name(),
                            new ContainerProber(
                                    c.id(),
                                    c.pidStartTime(),
                                    c.spec().container().probes(),
                                    startedAtNanos(c.startedAt())));
                    changed.add(pod.id());
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
                    w.begin(now);
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
