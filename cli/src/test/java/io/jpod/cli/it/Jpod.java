package io.jpod.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the built {@code ./jpod} as a rootless user, the way a user would. Run by root (as CI does),
 * it drops to {@code JPOD_TEST_USER} (default jpodtest) with setpriv, no PAM; run by anyone else,
 * it runs as that user. The launcher, jars and samples are staged in a world-readable directory
 * because the clone may sit where the test user cannot read, and each test run gets its own data
 * and run directories and so its own pause process.
 */
public final class Jpod {

    /** What one invocation left. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private static Jpod instance;

    private final Path stage;
    private final Path data;
    private final Path run;
    private final String user;
    private final long uid;

    private Jpod(Path stage, String user, long uid) {
        this.stage = stage;
        this.data = stage.resolve("data");
        this.run = stage.resolve("run");
        this.user = user;
        this.uid = uid;
    }

    /** The one staged jpod for this test JVM, with the samples' image imported. */
    public static synchronized Jpod get() throws IOException, InterruptedException {
        if (instance == null) {
            instance = create();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::cleanUp));
            Result built =
                    instance.script(
                            List.of(instance.stage.resolve("samples/build-images").toString()));
            if (built.exitCode() != 0) {
                throw new IllegalStateException("samples/build-images failed: " + built.all());
            }
        }
        return instance;
    }

    public static boolean asRoot() {
        return currentUid() == 0;
    }

    public long uid() {
        return uid;
    }

    public String user() {
        return user;
    }

    public Path stage() {
        return stage;
    }

    public Path runDir() {
        return run;
    }

    public Path dataDir() {
        return data;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(args), null);
    }

    /** Runs ./jpod with extra environment variables (JPOD_BACKOFF_BASE, say). */
    public Result runWithEnv(java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("env"));
        env.forEach((k, v) -> argv.add(k + "=" + v));
        argv.add(stage.resolve("jpod").toString());
        argv.addAll(List.of(args));
        return exec(asUser(argv), null);
    }

    /** Runs ./jpod with the given arguments, from {@code cwd} when not null. */
    public Result run(List<String> args, Path cwd) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(stage.resolve("jpod").toString());
        argv.addAll(args);
        return exec(asUser(argv), cwd);
    }

    /**
     * Runs ./jpod as root itself (rootful: no user namespace), with data and run directories of its
     * own.
     */
    public Result runRootful(String... args) throws IOException, InterruptedException {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "env",
                                "-i",
                                "HOME=/root",
                                "PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
                                "JPOD_DATA_DIR=" + stage.resolve("rootful/data"),
                                "JPOD_RUN_DIR=" + stage.resolve("rootful/run"),
                                "JPOD=" + stage.resolve("jpod")));
        argv.addAll(List.of(args));
        return exec(argv, null);
    }

    /**
     * Starts ./jpod in a process group of its own, without waiting, so a test can kill it mid-way.
     */
    public Process start(List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("setsid"));
        List<String> jpodArgs = new ArrayList<>();
        jpodArgs.add(stage.resolve("jpod").toString());
        jpodArgs.addAll(args);
        argv.addAll(asUser(jpodArgs));
        return new ProcessBuilder(argv)
                .directory(Path.of("/tmp").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * As {@link #start}, with stdout and stderr written to files the test reads while the command
     * runs (a watch, a wait).
     */
    public Process startLogged(List<String> args, Path out, Path err) throws IOException {
        List<String> argv = new ArrayList<>(List.of("setsid"));
        List<String> jpodArgs = new ArrayList<>();
        jpodArgs.add(stage.resolve("jpod").toString());
        jpodArgs.addAll(args);
        argv.addAll(asUser(jpodArgs));
        return new ProcessBuilder(argv)
                .directory(Path.of("/tmp").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    /** As {@link #startLogged}, with extra environment variables (NOTIFY_SOCKET, say). */
    public Process startLoggedWithEnv(
            java.util.Map<String, String> env, List<String> args, Path out, Path err)
            throws IOException {
        List<String> withEnv = new ArrayList<>(List.of("env"));
        env.forEach((k, v) -> withEnv.add(k + "=" + v));
        withEnv.add(stage.resolve("jpod").toString());
        withEnv.addAll(args);
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.addAll(asUser(withEnv));
        return new ProcessBuilder(argv)
                .directory(Path.of("/tmp").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    /**
     * As {@link #startLogged}, jpod run by {@code wrapper} (systemd-socket-activate, say), which
     * keeps the variables the test user's environment has for jpod only when told to.
     */
    public Process startWrapped(List<String> wrapper, List<String> args, Path out, Path err)
            throws IOException {
        List<String> wrapped = new ArrayList<>(wrapper);
        wrapped.add(stage.resolve("jpod").toString());
        wrapped.addAll(args);
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.addAll(asUser(wrapped));
        return new ProcessBuilder(argv)
                .directory(Path.of("/tmp").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    /**
     * As {@link #start}, with {@code JPOD_TRACE} set: the phase marks can be read from the
     * process's stderr as they happen.
     */
    public Process startTraced(List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("setsid"));
        List<String> jpodArgs =
                new ArrayList<>(List.of("env", "JPOD_TRACE=1", stage.resolve("jpod").toString()));
        jpodArgs.addAll(args);
        argv.addAll(asUser(jpodArgs));
        return new ProcessBuilder(argv)
                .directory(Path.of("/tmp").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Runs a shell command line prefix (e.g. setting loginuid) before dropping to the user to run
     * jpod.
     */
    public Result runWithLoginuid(long loginuid, String... args)
            throws IOException, InterruptedException {
        List<String> inner = new ArrayList<>(asUser(List.of()));
        inner.add(stage.resolve("jpod").toString());
        inner.addAll(List.of(args));
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "sh",
                                "-c",
                                "echo " + loginuid + " > /proc/self/loginuid && exec \"$@\"",
                                "sh"));
        argv.addAll(inner);
        return exec(argv, null);
    }

    public Result script(List<String> argv) throws IOException, InterruptedException {
        return exec(asUser(argv), null);
    }

    private List<String> asUser(List<String> argv) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"));
        }
        full.addAll(
                List.of(
                        "env",
                        "-i",
                        "HOME=" + home(),
                        "USER=" + user,
                        "LOGNAME=" + user,
                        "PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
                        "JPOD_DATA_DIR=" + data,
                        "JPOD_RUN_DIR=" + run,
                        "JPOD=" + stage.resolve("jpod")));
        full.addAll(argv);
        return full;
    }

    private String home() {
        return asRoot() ? "/home/" + user : System.getProperty("user.home");
    }

    private static Result exec(List<String> argv, Path cwd)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(argv)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // the clone may be unreadable for the test user, and nsenter re-enters the caller's working
        // directory
        pb.directory((cwd != null ? cwd : Path.of("/tmp")).toFile());
        Process p = pb.start();
        // a thread of its own: on 2 cores the common pool has one thread, and a long command's
        // reader would hold up every other command a test runs meanwhile
        CompletableFuture<String> err =
                CompletableFuture.supplyAsync(
                        () -> read(p.getErrorStream()),
                        task -> Thread.ofPlatform().daemon().start(task));
        String out = read(p.getInputStream());
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + argv);
        }
        return new Result(p.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Jpod create() throws IOException, InterruptedException {
        Path repo =
                Path.of(System.getenv().getOrDefault("JPOD_REPO", "../"))
                        .toAbsolutePath()
                        .normalize();
        Path stage =
                Files.createTempDirectory(
                        Path.of("/tmp"),
                        "jpod-it-",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        copy(repo.resolve("jpod"), stage.resolve("jpod"));
        copyTree(repo.resolve("cli/target/lib"), stage.resolve("cli/target/lib"));
        copy(repo.resolve("cli/target/jpod.jar"), stage.resolve("cli/target/jpod.jar"));
        copyTree(repo.resolve("samples"), stage.resolve("samples"));
        copyTree(repo.resolve("model/src/test/resources/broken"), stage.resolve("broken"));
        copyTree(repo.resolve("cli/src/test/resources/it"), stage.resolve("it"));
        // the AOT caches a user's ./jpod starts from, trained for the staged jar as dev/build
        // trains them
        copyTree(repo.resolve("dev/aot"), stage.resolve("dev/aot"));
        Result caches = exec(List.of(stage.resolve("dev/aot/caches").toString()), null);
        if (caches.exitCode() != 0) {
            throw new IOException("dev/aot/caches failed: " + caches.err());
        }
        String user =
                asRoot()
                        ? System.getenv().getOrDefault("JPOD_TEST_USER", "jpodtest")
                        : System.getProperty("user.name");
        long uid =
                asRoot()
                        ? Long.parseLong(exec(List.of("id", "-u", user), null).out().strip())
                        : currentUid();
        if (asRoot()) {
            exec(List.of("chown", "-R", user + ":", stage.toString()), null);
        }
        return new Jpod(stage, user, uid);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(
                from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    copy(p, target);
                }
            }
        }
    }

    /**
     * Removes every pod, then the pause process and the staged tree (files owned by subuids need
     * the namespace).
     */
    private void cleanUp() {
        try {
            run("pod", "rm", "-a", "-f");
            if (asRoot()) {
                runRootful(stage.resolve("jpod").toString(), "pod", "rm", "-a", "-f");
            }
            Path pidFile = run.resolve("pause.pid");
            if (Files.exists(pidFile)) {
                String pid = Files.readString(pidFile).strip().split(" ")[0];
                script(
                        List.of(
                                "nsenter",
                                "-U",
                                "-m",
                                "-t",
                                pid,
                                "--",
                                "rm",
                                "-rf",
                                data.toString()));
                script(List.of("kill", pid));
            }
            if (asRoot()) {
                try (Stream<Path> walk = Files.walk(stage)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("jpod test clean-up: " + e);
        }
    }

    private static long currentUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
