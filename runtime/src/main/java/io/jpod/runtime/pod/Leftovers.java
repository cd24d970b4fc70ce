package io.jpod.runtime.pod;

import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What no record names, decided from a look at the host: which processes to kill, which runc states
 * to delete and which paths to unmount and remove. No I/O here; {@link LeftoverSweep} looks and
 * acts.
 *
 * <p>A container's directory, runc state and conmon exist a moment before its record is saved, so
 * while a live jpod is still creating a pod, things named by a container id alone are left for a
 * later sweep. What a pod id names (its netns file, its network helper, its directory) is safe
 * either way: a pod's record is saved before any of these are made.
 */
record Leftovers(List<Seen.Proc> kill, List<String> runcStates, List<Path> remove) {

    /** What was seen on the host. */
    record Seen(
            List<String> runcStates,
            List<String> containerDirs,
            List<String> exitFiles,
            List<String> sockets,
            List<String> podDirs,
            List<String> netnsFiles,
            List<Proc> processes) {

        /** A process and its command line. */
        record Proc(long pid, long startTime, List<String> argv) {}

        /** The same names, with these processes. */
        Seen withProcesses(List<Proc> seen) {
            return new Seen(
                    runcStates, containerDirs, exitFiles, sockets, podDirs, netnsFiles, seen);
        }
    }

    /** Whether there is nothing to kill, delete or remove. */
    boolean none() {
        return kill.isEmpty() && runcStates.isEmpty() && remove.isEmpty();
    }

    private static final String ID = "([0-9a-f]{64})";

    private static final String SLIRP_SOCKET = "-slirp.sock";

    /**
     * @param self this process, never killed
     * @param alive whether a pid is a live process (a pod's owner still at work)
     */
    static Leftovers find(
            HostLayout layout, List<PodRecord> pods, Seen seen, long self, LongPredicate alive) {
        Set<String> podIds = new HashSet<>();
        Set<String> containerIds = new HashSet<>();
        boolean creating = false;
        for (PodRecord p : pods) {
            podIds.add(p.id());
            p.allContainers().stream().map(ContainerRecord::id).forEach(containerIds::add);
            // this process counts too: its other threads may be making a pod (a play of several)
            creating |= p.phase() == PodPhase.CREATING && alive.test(p.ownerPid());
        }
        boolean sweepContainers = !creating;
        Pattern container = Pattern.compile(Pattern.quote(layout.containers() + "/") + ID);
        Pattern pod =
                Pattern.compile(
                        "(?:"
                                + Pattern.quote(layout.netns() + "/")
                                + "|"
                                + Pattern.quote(layout.pods() + "/")
                                + ")"
                                + ID);

        List<Seen.Proc> kill = new ArrayList<>();
        for (Seen.Proc p : seen.processes()) {
            if (p.pid() == self) {
                continue;
            }
            String cmdline = String.join(" ", p.argv());
            String cid = first(container, cmdline);
            String pid = first(pod, cmdline);
            if ((cid != null && sweepContainers && !containerIds.contains(cid))
                    || (cid == null && pid != null && !podIds.contains(pid))) {
                kill.add(p);
            }
        }

        List<String> runc = new ArrayList<>();
        List<Path> remove = new ArrayList<>();
        if (sweepContainers) {
            for (String id : seen.runcStates()) {
                if (!containerIds.contains(id)) {
                    runc.add(id);
                    remove.add(layout.runcRoot().resolve(id));
                }
            }
            unknown(seen.containerDirs(), containerIds, layout.containers(), remove);
            unknown(seen.exitFiles(), containerIds, layout.exits(), remove);
        }
        for (String name : seen.sockets()) {
            // slirp4netns' API sockets are named by the pod's short id, conmon's by container id
            boolean known =
                    name.endsWith(SLIRP_SOCKET)
                            ? podIds.stream().anyMatch(id -> name.startsWith(id.substring(0, 12)))
                            : !sweepContainers || containerIds.contains(name);
            if (!known) {
                remove.add(layout.sockets().resolve(name));
            }
        }
        unknown(seen.podDirs(), podIds, layout.pods(), remove);
        unknown(seen.netnsFiles(), podIds, layout.netns(), remove);
        return new Leftovers(List.copyOf(kill), List.copyOf(runc), List.copyOf(remove));
    }

    private static void unknown(List<String> names, Set<String> known, Path dir, List<Path> out) {
        for (String name : names) {
            if (!known.contains(name)) {
                out.add(dir.resolve(name));
            }
        }
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
