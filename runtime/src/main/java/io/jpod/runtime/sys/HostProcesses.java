package io.jpod.runtime.sys;

import io.jpod.runtime.systemd.ServiceEnv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** Forks real programs and reads the real /proc. */
public final class HostProcesses implements Processes {

    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;

    /**
     * Readies what a command that starts helpers needs first: the JDK's process launcher (its first
     * process costs a cold JVM 20 to 30 ms, measured on a play) and the handle {@link ProcessExit}
     * leaves through. Meant for a spare thread while the command reads and parses its input; a
     * failure here is the command's own to meet later.
     */
    public static void warmUp() {
        try {
            new ProcessBuilder("true").start().waitFor();
        } catch (IOException e) {
            // the command's own first process will say what is wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessExit.prepare();
    }

    @Override
    public ExecResult run(List<String> argv) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(argv)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // runc start, kill, delete and the other helpers: systemd's variables are jpod's alone
        ServiceEnv.strip(builder.environment());
        Process process = builder.start();
        CompletableFuture<String> err =
                CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        String out = drain(process.getInputStream());
        try {
            int code = process.waitFor();
            return new ExecResult(code, out, err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.getFirst(), e);
        }
    }

    @Override
    public Process spawn(ProcessBuilder builder) throws IOException {
        return builder.start();
    }

    @Override
    public OptionalLong startTime(long pid) {
        return ProcInfo.startTime(pid);
    }

    @Override
    public boolean alive(long pid, long startTime) {
        return ProcInfo.alive(pid, startTime);
    }

    @Override
    public String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                    .replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    @Override
    public void terminate(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    @Override
    public void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public void signal(long pid, int signal) {
        // the JDK's own kill for the two usual signals: a downcall's first use costs a JVM ~15 ms
        if (signal == SIGKILL) {
            kill(pid);
        } else if (signal == SIGTERM) {
            terminate(pid);
        } else {
            Libc.kill(pid, signal);
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
