package io.jpod.runtime.oci;

import io.jpod.runtime.json.RecordJson;
import io.jpod.runtime.sys.FdMoves;
import io.jpod.runtime.sys.Libc;
import io.jpod.runtime.sys.Processes;
import io.jpod.runtime.systemd.ServiceEnv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * conmon, the per-container monitor: it runs the OCI runtime's {@code create}, double-forks so the
 * container outlives jpod, writes the container's output in k8s-file format and records its exit
 * status.
 *
 * <p>conmon reports the container pid as one JSON line on the fd named by {@code _OCI_SYNCPIPE}.
 * ProcessBuilder only hands over fds 0-2, so a shell trampoline moves conmon's fd 3 onto the pipe
 * we read.
 */
public final class Conmon {

    /**
     * What conmon writes on its sync pipe: the container's pid, or an error. Read with jpod's own
     * JSON: Jackson's start was ~10 ms of each play.
     */
    private record SyncMessage(Long data, String message) {}

    /** A line of the OCI runtime's JSON log. */
    private record RuntimeLogLine(String level, String msg) {}

    private final Path binary;
    private final OciRuntime runtime;
    private final Processes processes;

    public Conmon(Path binary, OciRuntime runtime, Processes processes) {
        this.binary = binary;
        this.runtime = runtime;
        this.processes = processes;
    }

    /** The conmon binary jpod runs ({@code JPOD_CONMON} or the packaged one). */
    public Path binary() {
        return binary;
    }

    /**
     * What conmon needs for one container.
     *
     * @param logFile where conmon writes the k8s-file log; empty: no log (podman's {@code
     *     --log-driver none})
     * @param exitCommand run by conmon after the container exits (empty: none)
     * @param inheritedFds descriptors of this process that the container gets at 3, 4, ... (the
     *     sockets of systemd's socket activation); empty: none
     */
    public record Launch(
            String id,
            String name,
            Path bundle,
            Path exitDir,
            Path socketDir,
            Optional<Path> logFile,
            long logSizeMax,
            List<String> exitCommand,
            List<Integer> inheritedFds) {

        public Launch {
            inheritedFds = List.copyOf(inheritedFds);
        }

        public Launch(
                String id,
                String name,
                Path bundle,
                Path exitDir,
                Path socketDir,
                Optional<Path> logFile,
                long logSizeMax,
                List<String> exitCommand) {
            this(id, name, bundle, exitDir, socketDir, logFile, logSizeMax, exitCommand, List.of());
        }
    }

    /** The result: conmon's own pid and the container's init pid. */
    public record Created(long conmonPid, long pid) {}

    /**
     * Runs create through conmon and returns once the container exists (not yet started).
     *
     * <p>conmon's first process forks its daemon half and exits at once; the daemon half writes the
     * pid on the sync pipe only after the runtime's create. The JDK closes a child's stdout pipe as
     * soon as that child exits (its process reaper drains what is buffered and closes the fd), so
     * the pipe must not be the stdout of conmon's first process: when the reaper got there before
     * our read, we saw end of file while conmon went on, and conmon then died on the closed pipe.
     * The trampoline shell is the child instead, and it stays until we close its stdin, having
     * given its own copy of the pipe away.
     */
    public Created create(Launch l) throws IOException {
        Files.deleteIfExists(l.bundle().resolve("oci-log"));
        List<String> conmon = argv(l);
        if (!l.inheritedFds().isEmpty()) {
            return createPassingFds(l, conmon);
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c", TRAMPOLINE, "sh"));
        argv.addAll(conmon);
        Path conmonLog = l.bundle().resolve("conmon.log");
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(conmonLog.toFile());
        // conmon passes its environment to runc create, which acts on systemd's variables itself
        ServiceEnv.strip(builder.environment());
        builder.environment().put("_OCI_SYNCPIPE", "3");
        Process process = processes.spawn(builder);
        try {
            long pid = readSyncPid(process.getInputStream(), l, () -> exitStatus(process));
            return new Created(conmonPid(l), pid);
        } finally {
            process.getOutputStream().close();
        }
    }

    /**
     * As {@link #create}, with this process's {@code inheritedFds} at 3, 4, ... in conmon, which
     * hands them to {@code runc create --preserve-fds N}, which hands them to the container.
     * ProcessBuilder closes every descriptor above 2 in its children, so conmon is started here by
     * posix_spawn, with the sync pipe right after the inherited descriptors; the pipe's read end is
     * ours alone, so the trampoline's reason (the JDK's reaper closing a child's stdout) is gone.
     */
    private Created createPassingFds(Launch l, List<String> conmon) throws IOException {
        List<String> argv = new ArrayList<>(conmon);
        int n = l.inheritedFds().size();
        argv.addAll(
                1,
                List.of("--runtime-opt", "--preserve-fds", "--runtime-opt", Integer.toString(n)));
        Map<String, String> env = new TreeMap<>(System.getenv());
        ServiceEnv.strip(env);
        int[] pipe = Libc.pipe();
        int pid;
        try {
            FdMoves moves = FdMoves.of(l.inheritedFds(), pipe[1]);
            env.put("_OCI_SYNCPIPE", Integer.toString(FdMoves.FIRST + n));
            pid =
                    Libc.spawn(
                            argv,
                            env.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList(),
                            l.bundle().resolve("conmon.log"),
                            moves);
        } catch (IOException e) {
            Libc.close(pipe[0]);
            throw e;
        } finally {
            Libc.close(pipe[1]);
        }
        // the pipe opened again as a stream: its end of file comes once conmon's copies are closed
        try (InputStream in = Files.newInputStream(Path.of("/proc/self/fd/" + pipe[0]))) {
            Libc.close(pipe[0]);
            // conmon's first process leaves as soon as its daemon half is forked
            int status = Libc.waitpid(pid);
            long containerPid = readSyncPid(in, l, () -> Integer.toString(status));
            return new Created(conmonPid(l), containerPid);
        }
    }

    private static long conmonPid(Launch l) throws IOException {
        return Long.parseLong(Files.readString(l.bundle().resolve("conmon.pid")).strip());
    }

    /** conmon's command line, without its descriptors and environment. */
    private List<String> argv(Launch l) {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                binary.toString(),
                                "--api-version",
                                "1",
                                "-c",
                                l.id(),
                                "-u",
                                l.id(),
                                "-n",
                                l.name(),
                                "-r",
                                runtime.binary().toString(),
                                "-b",
                                l.bundle().toString(),
                                "-p",
                                l.bundle().resolve("pidfile").toString(),
                                "-P",
                                l.bundle().resolve("conmon.pid").toString(),
                                "--exit-dir",
                                l.exitDir().toString(),
                                "--socket-dir-path",
                                l.socketDir().toString(),
                                "--full-attach",
                                "-l",
                                l.logFile().map(f -> "k8s-file:" + f).orElse("none"),
                                "--log-level",
                                "warning",
                                // a kernel keyring per container exhausts kernel.keys.maxkeys (200
                                // per user) at about 100
                                "--no-new-keyring"));
        for (String option : runtime.globalOptions()) {
            argv.addAll(List.of("--runtime-arg", option));
        }
        argv.addAll(
                List.of(
                        "--runtime-arg",
                        "--log-format=json",
                        "--runtime-arg",
                        "--log",
                        "--runtime-arg=" + l.bundle().resolve("oci-log")));
        if (!l.exitCommand().isEmpty()) {
            argv.addAll(List.of("--exit-command", l.exitCommand().getFirst()));
            for (String arg : l.exitCommand().subList(1, l.exitCommand().size())) {
                argv.addAll(List.of("--exit-command-arg", arg));
            }
        }
        if (l.logSizeMax() > 0) {
            argv.addAll(List.of("--log-size-max", Long.toString(l.logSizeMax())));
        }
        return argv;
    }

    /**
     * Runs conmon with fd 3 on our pipe and its stdout on the log, closes its own copy of the pipe
     * so that the end of file we read is conmon's, then waits for a line (or end of file) on stdin
     * before leaving with conmon's status.
     */
    public static final String TRAMPOLINE =
            "exec 3>&1 1>&2; \"$@\" </dev/null; s=$?; exec 3>&-; read -r _; exit $s";

    /** conmon's first process's exit status, as a message says it. */
    private interface Status {
        String get() throws IOException;
    }

    private long readSyncPid(InputStream sync, Launch l, Status status) throws IOException {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(sync, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                SyncMessage msg;
                try {
                    msg = RecordJson.read(line.getBytes(StandardCharsets.UTF_8), SyncMessage.class);
                } catch (RecordJson.JsonException e) {
                    throw new IOException(
                            "creating container " + l.name() + ": conmon said " + line.strip());
                }
                if (msg.data() != null && msg.data() > 0) {
                    return msg.data();
                }
                String why = msg.message() == null ? "" : msg.message();
                why = why.isEmpty() ? runtimeError(l) : why;
                throw new IOException("creating container " + l.name() + ": " + why);
            }
        }
        String why = runtimeError(l);
        if (why.isEmpty()) {
            throw new IOException(
                    "creating container "
                            + l.name()
                            + ": conmon exited (status "
                            + status.get()
                            + ") without a pid or an error");
        }
        throw new IOException("creating container " + l.name() + ": " + why);
    }

    /** conmon's first process's status, which the trampoline passes on once we let it go. */
    private static String exitStatus(Process process) throws IOException {
        process.getOutputStream().close();
        try {
            return process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)
                    ? Integer.toString(process.exitValue())
                    : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** conmon sometimes closes the pipe with no message: the runtime's own log then says why. */
    private static String runtimeError(Launch l) throws IOException {
        StringBuilder why = new StringBuilder();
        Path ociLog = l.bundle().resolve("oci-log");
        if (Files.exists(ociLog)) {
            for (String line : Files.readAllLines(ociLog)) {
                try {
                    RuntimeLogLine n =
                            RecordJson.read(
                                    line.getBytes(StandardCharsets.UTF_8), RuntimeLogLine.class);
                    if ("error".equals(n.level())) {
                        why.append(n.msg() == null ? "" : n.msg()).append(' ');
                    }
                } catch (RecordJson.JsonException e) {
                    why.append(line).append(' ');
                }
            }
        }
        Path conmonLog = l.bundle().resolve("conmon.log");
        if (why.isEmpty() && Files.exists(conmonLog)) {
            why.append(Files.readString(conmonLog).strip());
        }
        return why.toString().strip();
    }
}
