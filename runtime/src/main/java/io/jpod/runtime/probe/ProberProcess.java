package io.jpod.runtime.probe;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.SelfCommand;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prober as a process: at most one per user, the holder of {@code prober.lock} in jpod's run
 * directory (the kernel drops the lock when it dies, however it dies). Started detached by the
 * commands that run probed pods, so it descends from the user's own invocation; it listens on
 * nothing, and exits when no pod has probes.
 */
public final class ProberProcess {

    /** The hidden command the CLI maps to {@link #run}. */
    public static final String VERB = "prober";

    /**
     * A small footprint for a process that lives as long as the pods, measured in bench/: the
     * interpreter alone (the prober's work is a few probes a second; C1's code cache and arenas
     * cost more memory than they save time), a small heap that gives memory back, and no perf data
     * file. Appended after the launcher's own options, so they win. What else was measured (RSS of
     * the prober with one probed pod, 53.4 MiB with these; bench/PROBER.md): C1 alone with one
     * compiler thread and a 4 MiB code cache 63.4 MiB and three times the idle CPU; no class data
     * sharing 52.0 MiB, all of it private; compact object headers 54.1 MiB; native heap trimming,
     * one malloc arena, FFM downcalls without specialized classes, each within 0.3 MiB.
     */
    static final List<String> JVM_FLAGS =
            List.of(
                    "-Xint",
                    "-Xms2m",
                    "-Xmx12m",
                    "-Xss256k",
                    "-XX:+UseSerialGC",
                    "-XX:MaxHeapFreeRatio=20",
                    "-XX:MinHeapFreeRatio=5",
                    "-XX:-UsePerfData");

    private static final long LOG_LIMIT = 1 << 20;

    private ProberProcess() {}

    /** The prober's own pid file: "PID STARTTIME", while it runs. */
    public static Path pidFile(Runtime rt) {
        return rt.layout().runDir().resolve("prober.pid");
    }

    private static Path lockFile(Runtime rt) {
        return rt.layout().runDir().resolve("prober.lock");
    }

    /** Runs the prober; returns at once when another one holds the lock. */
    public static void run(Runtime rt) throws IOException, InterruptedException {
        Files.createDirectories(rt.layout().runDir());
        try (FileChannel channel =
                FileChannel.open(
                        lockFile(rt), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return;
            }
            long pid = ProcessHandle.current().pid();
            Path tmp = pidFile(rt).resolveSibling("prober.pid.tmp");
            Files.writeString(tmp, pid + " " + ProcInfo.startTime(pid).orElse(0));
            Files.move(tmp, pidFile(rt), StandardCopyOption.ATOMIC_MOVE);
            Prober prober = new Prober(rt);
            while (true) {
                prober.run();
                Files.deleteIfExists(pidFile(rt));
                lock.release();
                // a play that saved its pod while this one was deciding to leave found the lock
                // still held and started no prober: look once more, now that the lock is free
                if (!Prober.needed(rt.state().pods())) {
                    return;
                }
                lock = channel.tryLock();
                if (lock == null) {
                    return; // the next prober has it
                }
                Files.writeString(tmp, pid + " " + ProcInfo.startTime(pid).orElse(0));
                Files.move(tmp, pidFile(rt), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** The running prober's pid, if one runs. */
    public static Optional<Long> running(Runtime rt) throws IOException {
        Path lock = lockFile(rt);
        if (!Files.exists(lock)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free != null) {
                free.release();
                return Optional.empty();
            }
        }
        try {
            String[] f = Files.readString(pidFile(rt)).strip().split(" ");
            return Optional.of(Long.parseLong(f[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.of(0L); // starting: locked, pid not written yet
        }
    }

    /**
     * Starts the prober when a pod has probes and none runs: detached (its own session, stdio on
     * its log), so it outlives this command. Only where jpod runs as root of its user namespace, or
     * as real root: the prober must exec into containers and enter their network namespaces.
     */
    public static void ensure(Runtime rt) throws IOException {
        if (rt.layout().rootless() && !rt.layout().inUserNamespace()) {
            return;
        }
        if (!Prober.needed(rt.state().pods()) || running(rt).isPresent()) {
            return;
        }
        Path log = rt.layout().runDir().resolve("prober.log");
        if (Files.exists(log) && Files.size(log) > LOG_LIMIT) {
            Files.delete(log);
        }
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.addAll(withFlags(SelfCommand.argv()));
        argv.add(VERB);
        ProcessBuilder builder = new ProcessBuilder(argv);
        tuneGlibc(builder.environment());
        rt.processes()
                .spawn(
                        builder.redirectInput(new File("/dev/null"))
                                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                .redirectErrorStream(true));
    }

    /**
     * glibc's defaults suit a process that makes threads in bulk, not this one. One malloc arena
     * per probe thread would be mostly empty: two are plenty. And glibc keeps the stacks of ended
     * threads for reuse, up to 40 MiB: every probe runs on threads of its own, so with 20 pods the
     * 60 to 80 stacks of the probes that once ran at the same time stayed resident (1.7 to 2.3 MiB,
     * most of what the prober grew by per pod; bench/PROBER.md). Without the cache an ended
     * thread's stack is unmapped.
     */
    static void tuneGlibc(Map<String, String> env) {
        env.put("MALLOC_ARENA_MAX", "2");
        String tunables = env.get("GLIBC_TUNABLES");
        env.put(
                "GLIBC_TUNABLES",
                (tunables == null || tunables.isBlank() ? "" : tunables + ":")
                        + "glibc.pthread.stack_cache_size=0");
    }

    /**
     * The launcher's java command line with {@link #JVM_FLAGS} before {@code -jar}, and without the
     * launcher's AOT cache: its archived heap objects do not fit in a 2 MiB initial heap, and the
     * JVM then refuses to start at all ("Unable to use AOT cache"). The prober starts seldom and
     * runs interpreted, so the cache would save it little.
     */
    static List<String> withFlags(List<String> self) {
        List<String> argv = new ArrayList<>(self);
        argv.removeIf(a -> a.startsWith("-XX:AOTCache="));
        int jar = argv.indexOf("-jar");
        argv.addAll(jar < 0 ? 1 : jar, JVM_FLAGS);
        return argv;
    }
}
