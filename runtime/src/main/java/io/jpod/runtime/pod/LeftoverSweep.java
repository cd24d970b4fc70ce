package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.storage.Mounts;
import io.jpod.runtime.sys.ProcInfo;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * Removes what a jpod killed at any step left that no record names: a conmon, a network helper or a
 * runtime's init still running, runc state without a container record, a container or pod
 * directory, a netns file, the mounts below them. A killed play leaves such things in the moments
 * between making each and saving its record; tearing down the half-made pod cannot see them. Called
 * with the state lock held, after the orphaned pods themselves were torn down.
 */
final class LeftoverSweep {

    private static final long EXIT_WAIT_MILLIS = 5_000;

    private final Runtime rt;

    LeftoverSweep(Runtime rt) {
        this.rt = rt;
    }

    /**
     * Best effort: what cannot be removed is named in a warning and left for the next sweep.
     *
     * <p>The host's processes are looked at only where one may be left: after orphans were torn
     * down ({@code repaired}: a helper whose pid was never recorded outlives its pod's files), or
     * when a name on disk belongs to no record, since every process jpod starts names a directory
     * or file made before it. Otherwise every play and down would read the command line of every
     * process on the host.
     */
    void sweep(List<PodRecord> pods, boolean repaired) throws IOException {
        HostLayout layout = rt.layout();
        long self = ProcessHandle.current().pid();
        LongPredicate alive = pid -> ProcessHandle.of(pid).isPresent();
        Leftovers.Seen names = names(layout);
        Leftovers found = Leftovers.find(layout, pods, names, self, alive);
        if (repaired || !found.none()) {
            found =
                    Leftovers.find(
                            layout, pods, names.withProcesses(processes(layout)), self, alive);
        }
        List<String> failures = new ArrayList<>();
        // monitors and helpers first, so that none of them reacts to what follows
        for (Leftovers.Seen.Proc p : found.kill()) {
            if (ProcInfo.alive(p.pid(), p.startTime())) {
                ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        for (Leftovers.Seen.Proc p : found.kill()) {
            try {
                if (!ProcInfo.awaitExit(p.pid(), p.startTime(), EXIT_WAIT_MILLIS)) {
                    failures.add("pid " + p.pid() + " survived SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sweeping leftovers", e);
            }
        }
        // the runtime kills a container's processes, its waiting init included, with its state
        for (String id : found.runcStates()) {
            try {
                rt.oci().delete(id);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        Mounts mounts = new Mounts(rt.processes());
        for (Path p : found.remove()) {
            try {
                mounts.unmountAllUnder(p);
                PodTeardown.deleteTree(p);
            } catch (IOException e) {
                failures.add(p + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            System.err.println(
                    "Warning: could not remove all that an interrupted jpod left: "
                            + String.join("; ", failures));
        }
    }

    /** What is on disk, without the processes. */
    private static Leftovers.Seen names(HostLayout l) throws IOException {
        return new Leftovers.Seen(
                names(l.runcRoot()),
                names(l.containers()),
                names(l.exits()),
                names(l.sockets()),
                names(l.pods()),
                names(l.netns()),
                List.of());
    }

    private static List<Leftovers.Seen.Proc> processes(HostLayout l) {
        return processes(List.of(l.containers() + "/", l.pods() + "/", l.netns() + "/"));
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Every process whose command line this process can read and names one of jpod's directories
     * ({@link Leftovers} looks at no other), zombies left out. Every play looks at every process on
     * the host, so the others cost one read of their command line and a substring search.
     */
    static List<Leftovers.Seen.Proc> processes(List<String> markers) {
        // searched as Latin-1 text of the UTF-8 bytes: no decoding of the command lines that miss
        List<String> wanted =
                markers.stream()
                        .map(
                                m ->
                                        new String(
                                                m.getBytes(StandardCharsets.UTF_8),
                                                StandardCharsets.ISO_8859_1))
                        .toList();
        String[] names = new File("/proc").list();
        List<Leftovers.Seen.Proc> all = new ArrayList<>();
        if (names == null) {
            return all;
        }
        for (String name : names) {
            if (name.isEmpty() || name.charAt(0) < '0' || name.charAt(0) > '9') {
                continue;
            }
            byte[] raw;
            try (FileInputStream in = new FileInputStream("/proc/" + name + "/cmdline")) {
                raw = in.readAllBytes();
            } catch (IOException gone) {
                continue; // exited while we looked, or not ours to read
            }
            String latin = new String(raw, StandardCharsets.ISO_8859_1);
            if (wanted.stream().noneMatch(latin::contains)) {
                continue;
            }
            long pid = Long.parseLong(name);
            OptionalLong started = ProcInfo.startTime(pid);
            if (started.isPresent()) {
                String cmdline = new String(raw, StandardCharsets.UTF_8);
                all.add(
                        new Leftovers.Seen.Proc(
                                pid, started.getAsLong(), Arrays.asList(cmdline.split("\0"))));
            }
        }
        return all;
    }
}
