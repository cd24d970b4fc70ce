package io.jpod.runtime.probe;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.SelfCommand;
import io.jpod.runtime.sys.Signals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The prober as processes: at most one per user, a small shell loop that holds {@code prober.lock}
 * in jpod's run directory (flock(1); the kernel drops the lock when it dies, however it dies) and
 * runs the prober's rounds, each a JVM ({@link Prober}), sleeping between them. A JVM that waited
 * the ten seconds of the default period would be 50 MiB resident for every user with a probed pod;
 * the shell and its sleep are about 1 MiB, and a round takes a fraction of a second
 * (bench/PROBER.md). Started detached by the commands that run probed pods, so it descends from the
 * user's own invocation; it listens on nothing (a play wakes it with SIGUSR1, to probe a new pod at
 * once), and leaves when no pod has probes.
 */
public final class ProberProcess {

    /** The hidden command the CLI maps to {@link #run}. */
    public static final String VERB = "prober";

    /**
     * Each round is a JVM that lives a fraction of a second, or as long as probes are due every few
     * seconds: the interpreter alone (the round's work is a few probes; C1's code cache and arenas
     * cost more memory than they save time), with the launcher's AOT cache (a round then takes 0.12
     * s of CPU instead of 0.2 to 0.3; the cache's archived heap needs more than a 2 MiB initial
     * heap), a small heap that gives memory back, and no perf data file. Appended after the
     * launcher's own options, so they win. Measured in bench/PROBER.md.
     */
    static final List<String> JVM_FLAGS =
            List.of(
                    "-Xint",
                    "-Xms8m",
                    "-Xmx12m",
                    "-Xss256k",
                    "-XX:+UseSerialGC",
                    "-XX:MaxHeapFreeRatio=20",
                    "-XX:MinHeapFreeRatio=5",
                    "-XX:-UsePerfData");

    private static final long LOG_LIMIT = 1 << 20;

    private ProberProcess() {}

    /** The shell's pid file: its pid, while it holds the lock. */
    public static Path pidFile(Runtime rt) {
        return rt.layout().runDir().resolve("prober.pid");
    }

    private static Path lockFile(Runtime rt) {
        return rt.layout().runDir().resolve("prober.lock");
    }

    /** The name the shell runs under ($0), which tells it from a process that reused its pid. */
    static final String NAME = "jpod-prober";

    /**
     * The loop, as {@code sh -c} runs it: $1 the lock file, $2 the pid file, the rest one round's
     * command line. A round prints the seconds to sleep, or nothing when no pod has probes (only
     * the number that ends its output counts, should the JVM print a warning first). A play that
     * saved a pod after the round read the records wakes the shell; the trap only sets a flag (a
     * shell runs a trap once its foreground child is done), and the flag means one more round. The
     * lock's descriptor is not handed to the round or the sleep, so that a kill of the shell frees
     * the lock at once.
     */
    static final String LOOP =
            """
            # jpod's prober: one round of probes at a time, sleeping between them
            lock=$1 pidfile=$2
            shift 2
            exec 9>>"$lock"
            flock -n 9 || exit 0
            echo $$ > "$pidfile.tmp" && mv -f "$pidfile.tmp" "$pidfile"
            woken=
            trap 'woken=1' USR1
            while :; do
              woken=
              idle=$("$@" 9>&-) || break
              idle=${idle##*[!0-9.]}
              if [ -z "$idle" ]; then
                [ -n "$woken" ] || break
                continue
              fi
              [ -n "$woken" ] && continue
              sleep "$idle" 9>&- &
              wait $!
              kill $! 2>/dev/null
            done
            rm -f "$pidfile"
            """;

    /**
     * One round of the prober, the hidden command's work: the seconds until the next round should
     * begin, or empty when no pod has probes.
     */
    public static OptionalLong run(Runtime rt) throws IOException, InterruptedException {
        Files.createDirectories(rt.layout().runDir());
        long shell = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        long started = rt.processes().startTime(shell).orElse(-1);
        OptionalLong idle = new Prober(rt, () -> !rt.processes().alive(shell, started)).run();
        return idle.isPresent() ? OptionalLong.of(idle.getAsLong() / 1_000_000) : idle;
    }

    /** The running shell's pid, if one runs. */
    public static Optional<Long> running(Runtime rt) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile(rt)).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String cmdline = rt.processes().cmdline(pid);
        return cmdline.contains(" " + NAME + " " + lockFile(rt) + " ")
                ? Optional.of(pid)
                : Optional.empty();
    }

    /**
     * Starts the prober when a pod has probes and none runs (after a crash or a kill): the commands
     * that show or wait for probe results call it.
     */
    public static void ensure(Runtime rt) throws IOException {
        ensure(rt, rt.state().pods());
    }

    /** As {@link #ensure(Runtime)}, with the pods the caller has read already. */
    public static void ensure(Runtime rt, List<PodRecord> pods) throws IOException {
        if (wanted(rt, pods) && running(rt).isEmpty()) {
            start(rt);
        }
    }

    /**
     * As {@link #ensure}, and wakes a sleeping prober: the commands that start containers call it,
     * so that a new pod is probed at once rather than at the next round.
     */
    public static void ensureAwake(Runtime rt) throws IOException {
        if (!prober(rt)) {
            return;
        }
        Optional<Long> pid = running(rt);
        if (pid.isPresent()) {
            rt.processes().signal(pid.get(), Signals.USR1);
        } else {
            start(rt);
        }
    }

    /**
     * Whether a prober is wanted: a pod has probes, and jpod runs as root of its user namespace, or
     * as real root (the prober must exec into containers and enter their network namespaces).
     */
    private static boolean prober(Runtime rt) throws IOException {
        return wanted(rt, rt.state().pods());
    }

    private static boolean wanted(Runtime rt, List<PodRecord> pods) {
        return (!rt.layout().rootless() || rt.layout().inUserNamespace()) && Prober.needed(pods);
    }

    /** Detached (its own session, stdio on its log), so that it outlives this command. */
    private static void start(Runtime rt) throws IOException {
        Files.createDirectories(rt.layout().runDir());
        Path log = rt.layout().runDir().resolve("prober.log");
        if (Files.exists(log) && Files.size(log) > LOG_LIMIT) {
            Files.delete(log);
        }
        ProcessBuilder builder = new ProcessBuilder(argv(rt, SelfCommand.argv()));
        tuneGlibc(builder.environment());
        rt.processes()
                .spawn(
                        builder.redirectInput(new File("/dev/null"))
                                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                .redirectErrorStream(true));
    }

    /** The loop's command line around one round's, {@code self} this JVM's own. */
    static List<String> argv(Runtime rt, List<String> self) {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "setsid",
                                "/bin/sh",
                                "-c",
                                LOOP,
                                NAME,
                                lockFile(rt).toString(),
                                pidFile(rt).toString()));
        argv.addAll(withFlags(self));
        argv.add(VERB);
        return argv;
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

    /** The launcher's java command line with {@link #JVM_FLAGS} before {@code -jar}. */
    static List<String> withFlags(List<String> self) {
        List<String> argv = new ArrayList<>(self);
        int jar = argv.indexOf("-jar");
        argv.addAll(jar < 0 ? 1 : jar, JVM_FLAGS);
        return argv;
    }
}
