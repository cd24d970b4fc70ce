package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.exec.RootfsPaths;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.ProcessSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code top}: the processes of a container, those in its mount namespace (its own in every pod,
 * where the pid namespace may be the pod's), {@code exec}'d ones included.
 */
final class ContainerTop {

    private final Lookups lookups;

    ContainerTop(Lookups lookups) {
        this.lookups = lookups;
    }

    List<Engine.TopProcess> top(String nameOrId) throws JpodException, IOException {
        Located found = lookups.container(nameOrId);
        return of(found.container());
    }

    /** The processes of every running app container of the pod, container by container. */
    List<Engine.TopProcess> podTop(String nameOrId) throws JpodException, IOException {
        PodRecord pod = lookups.pod(nameOrId);
        List<Engine.TopProcess> all = new ArrayList<>();
        for (ContainerRecord c : pod.containers()) {
            if (lookups.alive(c)) {
                all.addAll(of(c));
            }
        }
        if (all.isEmpty()) {
            throw new PodException("pod " + pod.name() + " has no running containers");
        }
        return all;
    }

    private List<Engine.TopProcess> of(ContainerRecord c) throws PodException, IOException {
        if (!lookups.alive(c)) {
            throw new PodException(
                    "top can only be used on running containers: "
                            + c.name()
                            + " is "
                            + lookups.status(c).status());
        }
        String mnt = namespace(c.pid());
        List<ProcessSample> samples = new ArrayList<>();
        var boot = ProcessSample.bootTime();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)
                        && mnt.equals(namespaceOrNull(Long.parseLong(name)))) {
                    ProcessSample.read(Long.parseLong(name), boot).ifPresent(samples::add);
                }
            }
        }
        Map<Long, Long> inner = new HashMap<>();
        samples.forEach(s -> inner.put(s.pid(), s.innerPid()));
        Map<Integer, String> users = names(c, "/etc/passwd");
        Map<Integer, String> groups = names(c, "/etc/group");
        return samples.stream()
                .sorted(java.util.Comparator.comparingLong(ProcessSample::innerPid))
                .map(
                        s ->
                                new Engine.TopProcess(
                                        c.name(),
                                        s,
                                        s.innerPid(),
                                        inner.getOrDefault(s.ppid(), 0L),
                                        users.getOrDefault(s.uid(), Integer.toString(s.uid())),
                                        groups.getOrDefault(s.gid(), Integer.toString(s.gid()))))
                .toList();
    }

    private static String namespace(long pid) throws PodException {
        String ns = namespaceOrNull(pid);
        if (ns == null) {
            throw new PodException("cannot read the namespaces of process " + pid);
        }
        return ns;
    }

    private static String namespaceOrNull(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/mnt")).toString();
        } catch (IOException | SecurityException e) {
            return null; // gone, or not ours to look at
        }
    }

    /** id to name from a passwd or group file inside the container's root; empty if unreadable. */
    private static Map<Integer, String> names(ContainerRecord c, String file) {
        Map<Integer, String> names = new HashMap<>();
        try {
            for (String line : RootfsPaths.readLines(Path.of(c.rootfs()), file).orElse(List.of())) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].matches("\\d+")) {
                    names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                }
            }
        } catch (IOException e) {
            // numbers then
        }
        return names;
    }
}
