package io.jpod.runtime.sys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A {@link Processes} that forks nothing: it records every argv it is asked to run or spawn, in
 * order, and answers from scripted results. A rule matches an argv by prefix, where the first
 * element matches the program by full path or by file name ({@code runc} matches {@code
 * /usr/bin/runc}); the longest matching prefix wins, and among equals the rule scripted last.
 * Unscripted programs succeed with no output.
 *
 * <p>It also keeps a table of make-believe processes ({@link #started}, {@link #exited}) that the
 * /proc reads answer from, records the pids sent SIGTERM, and runs a clock that only {@link #sleep}
 * moves, so a 30 s grace period passes at once. Pids start above the kernel's largest pid_max, so
 * no real process is ever mistaken for one of them.
 */
public final class RecordingProcesses implements Processes {

    private record Rule<T>(List<String> prefix, Function<List<String>, T> answer) {}

    private final List<List<String>> calls = new ArrayList<>();
    private final List<ProcessBuilder> builders = new ArrayList<>();
    private final List<Rule<ExecResult>> runRules = new ArrayList<>();
    private final List<Rule<Process>> spawnRules = new ArrayList<>();
    private final Map<Long, Long> table = new HashMap<>();
    private final Map<Long, String> cmdlines = new HashMap<>();
    private final List<Long> terminated = new ArrayList<>();
    private final List<String> signalled = new ArrayList<>();
    private BiConsumer<Long, Integer> onSignal = (pid, signal) -> {};
    private long nextPid = 5_000_000;
    private long clock;

    /** A new live process in the table, with start time 0 as a caller reading real /proc sees. */
    public synchronized long started(String cmdline) {
        long pid = nextPid++;
        table.put(pid, 0L);
        cmdlines.put(pid, cmdline);
        return pid;
    }

    /** Ends a process of the table. */
    public synchronized void exited(long pid) {
        table.remove(pid);
        cmdlines.remove(pid);
    }

    public synchronized boolean running(long pid) {
        return table.containsKey(pid);
    }

    /** "PID SIGNAL" of each {@link #signal}, in order. */
    public synchronized List<String> signalled() {
        return List.copyOf(signalled);
    }

    /** The pids given SIGTERM through {@link #terminate}, in order. */
    public synchronized List<Long> terminated() {
        return List.copyOf(terminated);
    }

    /** Milliseconds slept so far, all threads together. */
    public synchronized long slept() {
        return clock / 1_000_000;
    }

    /** Answers argv starting with {@code prefix} with what {@code answer} makes of the argv. */
    public RecordingProcesses answer(
            List<String> prefix, Function<List<String>, ExecResult> answer) {
        synchronized (this) {
            runRules.add(new Rule<>(List.copyOf(prefix), answer));
        }
        return this;
    }

    /** Answers argv starting with {@code prefix} (program name first) with {@code result}. */
    public RecordingProcesses answer(List<String> prefix, ExecResult result) {
        return answer(prefix, argv -> result);
    }

    public RecordingProcesses answer(String program, ExecResult result) {
        return answer(List.of(program), result);
    }

    /** Makes argv starting with {@code prefix} exit with {@code code} and {@code stderr}. */
    public RecordingProcesses fail(List<String> prefix, int code, String stderr) {
        return answer(prefix, new ExecResult(code, "", stderr));
    }

    public RecordingProcesses fail(String program, int code, String stderr) {
        return fail(List.of(program), code, stderr);
    }

    /**
     * Answers spawns whose command starts with {@code prefix} with the process {@code factory}
     * makes.
     */
    public synchronized RecordingProcesses onSpawn(
            List<String> prefix, Function<List<String>, Process> factory) {
        spawnRules.add(new Rule<>(List.copyOf(prefix), factory));
        return this;
    }

    /** Every argv run or spawned, in call order. */
    public synchronized List<List<String>> calls() {
        return List.copyOf(calls);
    }

    /** The argvs whose program is {@code program} (by path or file name). */
    public synchronized List<List<String>> calls(String program) {
        return calls.stream().filter(argv -> program(argv.getFirst(), program)).toList();
    }

    /** The builders handed to {@link #spawn}, as configured by the caller. */
    public synchronized List<ProcessBuilder> spawned() {
        return List.copyOf(builders);
    }

    @Override
    public ExecResult run(List<String> argv) throws IOException {
        Rule<ExecResult> rule;
        synchronized (this) {
            calls.add(List.copyOf(argv));
            rule = best(runRules, argv);
        }
        // answered outside the monitor: an answer may block, as a slow program does
        return rule == null ? new ExecResult(0, "", "") : rule.answer().apply(argv);
    }

    @Override
    public Process spawn(ProcessBuilder builder) throws IOException {
        List<String> argv = List.copyOf(builder.command());
        Rule<Process> rule;
        synchronized (this) {
            calls.add(argv);
            builders.add(builder);
            rule = best(spawnRules, argv);
        }
        if (rule == null) {
            throw new IOException("RecordingProcesses: no process scripted for " + argv);
        }
        return rule.answer().apply(argv);
    }

    @Override
    public synchronized OptionalLong startTime(long pid) {
        Long start = table.get(pid);
        return start == null ? OptionalLong.empty() : OptionalLong.of(start);
    }

    @Override
    public synchronized boolean alive(long pid, long startTime) {
        Long start = table.get(pid);
        return start != null && start == startTime;
    }

    @Override
    public synchronized String cmdline(long pid) {
        return cmdlines.getOrDefault(pid, "");
    }

    @Override
    public synchronized void terminate(long pid) {
        terminated.add(pid);
        exited(pid);
    }

    @Override
    public synchronized void kill(long pid) {
        terminated.add(pid);
        exited(pid);
    }

    @Override
    public void signal(long pid, int signal) {
        BiConsumer<Long, Integer> listener;
        synchronized (this) {
            signalled.add(pid + " " + signal);
            listener = onSignal;
        }
        // outside the lock: a fake host's answer may wait, as a slow process would
        listener.accept(pid, signal);
    }

    /** What a signal does besides being recorded (a fake host ends the process). */
    public synchronized void onSignal(BiConsumer<Long, Integer> listener) {
        onSignal = listener;
    }

    @Override
    public synchronized long nanoTime() {
        return clock;
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        synchronized (this) {
            clock += millis * 1_000_000;
        }
        // lets the other threads of a parallel step move on, as a real sleep would
        Thread.sleep(0, 1000);
    }

    private static <T> Rule<T> best(List<Rule<T>> rules, List<String> argv) {
        Rule<T> best = null;
        for (Rule<T> r : rules) {
            if (matches(r.prefix(), argv)
                    && (best == null || r.prefix().size() >= best.prefix().size())) {
                best = r;
            }
        }
        return best;
    }

    private static boolean matches(List<String> prefix, List<String> argv) {
        if (prefix.size() > argv.size() || prefix.isEmpty()) {
            return false;
        }
        if (!program(argv.getFirst(), prefix.getFirst())) {
            return false;
        }
        return argv.subList(1, prefix.size()).equals(prefix.subList(1, prefix.size()));
    }

    private static boolean program(String arg0, String wanted) {
        if (arg0.equals(wanted)) {
            return true;
        }
        Path name = Path.of(arg0).getFileName();
        return !wanted.contains("/") && name != null && name.toString().equals(wanted);
    }

    /**
     * A process that has already written {@code stdout} and exits with {@code exitCode}; records
     * destroy().
     */
    public static final class FakeProcess extends Process {
        private final long pid;
        private final InputStream stdout;
        private final int exitCode;
        private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        private volatile boolean destroyed;

        public FakeProcess(long pid, String stdout, int exitCode) {
            this.pid = pid;
            this.stdout = new ByteArrayInputStream(stdout.getBytes(StandardCharsets.UTF_8));
            this.exitCode = exitCode;
        }

        public boolean destroyed() {
            return destroyed;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public OutputStream getOutputStream() {
            return stdin;
        }

        @Override
        public InputStream getInputStream() {
            return stdout;
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public int waitFor() {
            return exitCode;
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public int exitValue() {
            return exitCode;
        }

        @Override
        public void destroy() {
            destroyed = true;
        }

        @Override
        public boolean isAlive() {
            return false;
        }
    }
}
