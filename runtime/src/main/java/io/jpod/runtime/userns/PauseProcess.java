package io.jpod.runtime.userns;

import io.jpod.runtime.host.Catatonit;
import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.Processes;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The per-user process that holds jpod's user and mount namespaces: {@code catatonit -P} under
 * {@code unshare}, mapped with newuidmap/newgidmap from /etc/subuid and /etc/subgid. A JVM is
 * multithreaded and can never join a user namespace itself, so jpod re-executes under nsenter
 * against this process instead (see {@link Reexec}).
 */
public final class PauseProcess {

    private final HostLayout layout;
    private final Processes processes;
    private final Catatonit catatonit;

    public PauseProcess(HostLayout layout, Processes processes, Catatonit catatonit) {
        this.layout = layout;
        this.processes = processes;
        this.catatonit = catatonit;
    }

    /** The live pause process's pid, starting and mapping one if none runs. */
    public long ensure() throws IOException {
        Files.createDirectories(layout.runDir());
        Path lockFile = layout.runDir().resolve("pause.lock");
        try (FileChannel channel =
                        FileChannel.open(
                                lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            long pid = running();
            if (pid > 0) {
                return pid;
            }
            OptionalLong member = NamespaceMember.find(layout);
            return member.isPresent() ? restart(member.getAsLong()) : start();
        }
    }

    /** The pid of a live, mapped pause process, or 0. */
    public long running() throws IOException {
        Path pidFile = layout.pausePidFile();
        if (!Files.exists(pidFile)) {
            return 0;
        }
        String[] recorded = Files.readString(pidFile).strip().split(" ");
        if (recorded.length != 2) {
            return 0;
        }
        long pid;
        long started;
        try {
            pid = Long.parseLong(recorded[0]);
            started = Long.parseLong(recorded[1]);
        } catch (NumberFormatException e) {
            return 0; // unreadable: ensure() starts a new one and replaces the file
        }
        return ProcInfo.alive(pid, started) && mapped(pid) ? pid : 0;
    }

    /**
     * A new pause process inside the namespaces {@code member} is still in, already mapped: the
     * pods that run there stay usable, and their mounts stay where they are.
     */
    private long restart(long member) throws IOException {
        long pid =
                detached(
                        NamespaceCommands.enterUserAndMount(
                                member, Path.of("/"), catatonit.pauseArgv()));
        awaitUnshared(pid);
        return recordPid(pid);
    }

    private long start() throws IOException {
        long pid = detached(NamespaceCommands.unshareUserAndMount(catatonit.pauseArgv()));
        awaitUnshared(pid);
        String user = System.getProperty("user.name");
        long gid =
                ((Number) Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:gid"))
                        .longValue();
        map(
                "newuidmap",
                pid,
                layout.hostUid(),
                SubordinateIds.ranges(Path.of("/etc/subuid"), user, layout.hostUid()));
        map(
                "newgidmap",
                pid,
                gid,
                SubordinateIds.ranges(Path.of("/etc/subgid"), user, layout.hostUid()));
        return recordPid(pid);
    }

    /**
     * Starts {@code command} in a session of its own with stdio on /dev/null. setsid only forks
     * when the caller leads a process group, and a ProcessBuilder child never does, and neither
     * unshare nor nsenter forks for user and mount namespaces, so the pid is catatonit's.
     */
    private long detached(List<String> command) throws IOException {
        List<String> argv = new ArrayList<>(List.of("setsid"));
        argv.addAll(command);
        ProcessBuilder builder =
                new ProcessBuilder(argv)
                        .redirectInput(new File("/dev/null"))
                        .redirectOutput(new File("/dev/null"))
                        .redirectError(new File("/dev/null"));
        return processes.spawn(builder).pid();
    }

    private long recordPid(long pid) throws IOException {
        long started =
                ProcInfo.startTime(pid)
                        .orElseThrow(() -> new IOException("the pause process died at start"));
        Path tmp = layout.pausePidFile().resolveSibling("pause.pid.tmp");
        Files.writeString(tmp, pid + " " + started, StandardCharsets.UTF_8);
        Files.move(tmp, layout.pausePidFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return pid;
    }

    private void map(String tool, long pid, long hostId, List<IdRange> ranges) throws IOException {
        if (ranges.isEmpty()) {
            throw new IOException(
                    "no subordinate ids for user "
                            + System.getProperty("user.name")
                            + " in /etc/"
                            + (tool.equals("newuidmap") ? "subuid" : "subgid")
                            + ": rootless jpod needs a range, e.g. `usermod --add-subuids"
                            + " 100000-165535 --add-subgids 100000-165535 USER`");
        }
        List<String> argv = new ArrayList<>(List.of(tool, Long.toString(pid)));
        argv.addAll(SubordinateIds.mapArgs(hostId, ranges));
        processes.check(argv);
    }

    private static void awaitUnshared(long pid) throws IOException {
        Path own = Path.of("/proc/self/ns/user");
        Path theirs = Path.of("/proc", Long.toString(pid), "ns", "user");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (!Files.readSymbolicLink(theirs).equals(Files.readSymbolicLink(own))
                        && Files.readString(Path.of("/proc", Long.toString(pid), "comm"))
                                .strip()
                                .equals("catatonit")) {
                    return;
                }
            } catch (IOException e) {
                if (!Files.exists(theirs.getParent().getParent())) {
                    throw new IOException(
                            "unshare --user failed: are unprivileged user namespaces enabled?", e);
                }
            }
            Thread.onSpinWait();
        }
        throw new IOException("the pause process did not enter a new user namespace within 5s");
    }

    private static boolean mapped(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "uid_map"))
                            .strip()
                            .lines()
                            .count()
                    > 1;
        } catch (IOException e) {
            return false;
        }
    }
}
