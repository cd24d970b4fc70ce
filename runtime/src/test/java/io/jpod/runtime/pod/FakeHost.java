package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.host.Catatonit;
import io.jpod.runtime.host.CgroupMode;
import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.image.layer.TarBuilder;
import io.jpod.runtime.net.NetnsFile;
import io.jpod.runtime.net.Pasta;
import io.jpod.runtime.net.Slirp4netns;
import io.jpod.runtime.oci.Conmon;
import io.jpod.runtime.oci.OciRuntime;
import io.jpod.runtime.oci.RuntimeChoice;
import io.jpod.runtime.state.StateStore;
import io.jpod.runtime.storage.Overlay;
import io.jpod.runtime.sys.ExecResult;
import io.jpod.runtime.sys.RecordingProcesses;
import io.jpod.runtime.volume.VolumeStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A host made of files and a {@link RecordingProcesses}: real state, image and volume stores in a
 * temporary directory, and make-believe conmon, runc, unshare and pasta, so that the verbs run end
 * to end without namespaces. Containers are known by their record name ({@code pod-ctr}). runc kill
 * ends a container as the signal would, unless the test made it ignore SIGTERM; a container named
 * in {@link #exitOnStart} exits as soon as it is started, as an init container does; any step can
 * be made to fail.
 */
final class FakeHost {

    static final String CONMON = "/usr/bin/conmon";
    static final String RUNC = "/usr/bin/runc";

    final RecordingProcesses processes = new RecordingProcesses();
    final Runtime rt;
    final Image image;

    /** Containers (by name) that ignore SIGTERM. */
    final Set<String> ignoreTerm = ConcurrentHashMap.newKeySet();

    /** Containers (by name) that exit with the given code when started. */
    final Map<String, Integer> exitOnStart = new ConcurrentHashMap<>();

    /** Containers (by name) whose create, or whose start, fails. */
    final Set<String> failCreate = ConcurrentHashMap.newKeySet();

    final Set<String> failStart = ConcurrentHashMap.newKeySet();

    /** Containers (by name) whose runc start waits until the latch opens: a slow start. */
    final Map<String, CountDownLatch> startGate = new ConcurrentHashMap<>();

    /** Containers (by name) whose runc kill waits until the latch opens: a slow teardown. */
    final Map<String, CountDownLatch> killGate = new ConcurrentHashMap<>();

    /** When set, pasta comes up only once the latch opens: a slow network helper. */
    volatile CountDownLatch helperGate;

    /** The event at which jpod is killed: the fake throws {@link Killed} there, after the step. */
    volatile String killAt;

    /** A kill -9 of jpod: no catch block, no rollback runs; only the kernel's lock release. */
    static final class Killed extends Error {
        Killed(String at) {
            super("killed at " + at);
        }
    }

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> conmons = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final List<String> events = new ArrayList<>();

    FakeHost(Path root) throws Exception {
        HostLayout layout =
                new HostLayout(false, 0, root.resolve("data"), root.resolve("run"), false);
        OciRuntime oci = new OciRuntime("runc", Path.of(RUNC), layout.runcRoot(), processes);
        StateStore state = new StateStore(layout.state());
        ImageStore images = new ImageStore(layout.images());
        rt =
                new Runtime(
                        layout,
                        processes,
                        CgroupMode.UNIFIED,
                        new RuntimeChoice("runc", Path.of(RUNC), "test"),
                        new Catatonit(Path.of("/usr/bin/catatonit")),
                        oci,
                        new Conmon(Path.of(CONMON), oci, processes),
                        new Overlay(processes, false),
                        new NetnsFile(processes),
                        new Slirp4netns(processes),
                        new Pasta(processes),
                        state,
                        images,
                        new VolumeStore(layout.volumes()));
        Path tar = Files.createDirectories(root.resolve("tars")).resolve("rootfs.tar");
        Files.write(
                tar,
                new TarBuilder()
                        .dir("bin/")
                        .file("bin/sh", "elf".getBytes(), 0755)
                        .dir("etc/")
                        .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                        .tar());
        image = images.importRootfs(tar, "box", List.of());
        script();
    }

    private void script() {
        processes.onSpawn(List.of("sh", "-c", Conmon.TRAMPOLINE, "sh", CONMON), this::conmon);
        String root = rt.layout().runcRoot().toString();
        processes.answer(List.of("runc", "--root", root, "start"), this::start);
        processes.answer(List.of("runc", "--root", root, "kill"), this::kill);
        processes.onSignal(this::signalled);
        processes.answer(List.of("runc", "--root", root, "delete"), this::delete);
        processes.answer(
                List.of("pasta"),
                argv -> {
                    CountDownLatch gate = helperGate;
                    if (gate != null) {
                        try {
                            gate.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    Path pidFile = Path.of(argv.get(argv.indexOf("-P") + 1));
                    long pid = processes.started("pasta");
                    write(pidFile, Long.toString(pid));
                    event("pasta");
                    return ok();
                });
    }

    private Process conmon(List<String> argv) {
        String id = after(argv, "-u");
        String name = after(argv, "-n");
        names.put(id, name);
        if (failCreate.contains(name)) {
            event("create-failed " + name);
            return new RecordingProcesses.FakeProcess(
                    0, "{\"data\": -1, \"message\": \"no such file\"}\n", 1);
        }
        long conmon = processes.started("conmon -c " + id);
        long pid = processes.started(name);
        write(Path.of(after(argv, "-P")), Long.toString(conmon));
        synchronized (this) {
            pids.put(name, pid);
            conmons.put(name, conmon);
        }
        event("create " + name);
        return new RecordingProcesses.FakeProcess(conmon, "{\"data\": " + pid + "}\n", 0);
    }

    private ExecResult start(List<String> argv) {
        String name = names.getOrDefault(argv.getLast(), "");
        CountDownLatch gate = startGate.get(name);
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failStart.contains(name)) {
            event("start-failed " + name);
            return new ExecResult(1, "", "start failed");
        }
        event("start " + name);
        Integer code = exitOnStart.get(name);
        if (code != null) {
            exit(argv.getLast(), code);
        }
        return ok();
    }

    private ExecResult kill(List<String> argv) {
        return kill(argv.get(argv.size() - 2), argv.getLast());
    }

    /** jpod's own signal to a container's process: as the runtime's kill of it. */
    private void signalled(long pid, int signal) {
        String id = null;
        synchronized (this) {
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (Long.valueOf(pid).equals(pids.get(e.getValue()))) {
                    id = e.getKey();
                }
            }
        }
        if (id != null) {
            kill(id, signal == 15 ? "TERM" : signal == 9 ? "KILL" : Integer.toString(signal));
        }
    }

    private ExecResult kill(String id, String signal) {
        String name = names.getOrDefault(id, "");
        CountDownLatch gate = killGate.get(name);
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        event("kill " + signal + " " + name);
        if (!signal.equals("TERM") || !ignoreTerm.contains(name)) {
            exit(id, signal.equals("TERM") ? 143 : 137);
        }
        return ok();
    }

    private ExecResult delete(List<String> argv) {
        String id = argv.getLast();
        event("delete " + names.getOrDefault(id, id));
        exit(id, 137);
        return ok();
    }

    /** The container ends as conmon sees it: the exit file is written, then conmon goes. */
    private synchronized void exit(String id, int code) {
        String name = names.get(id);
        if (name == null || !pids.containsKey(name) || !processes.running(pids.get(name))) {
            return;
        }
        processes.exited(pids.get(name));
        try {
            Files.createDirectories(rt.layout().exits());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(rt.layout().exits().resolve(id), Integer.toString(code));
        processes.exited(conmons.get(name));
    }

    /** A container's process, by record name. */
    synchronized long pid(String name) {
        return pids.get(name);
    }

    boolean running(String name) {
        Long pid = pids.get(name);
        return pid != null && processes.running(pid);
    }

    /** Makes a running container exit, as if its program had ended. */
    void exitNow(String name, int code) {
        String id =
                names.entrySet().stream()
                        .filter(e -> e.getValue().equals(name))
                        .map(Map.Entry::getKey)
                        .reduce((a, b) -> b)
                        .orElseThrow();
        exit(id, code);
    }

    /** What happened, in order: create, start, kill SIGNAL, delete (each with the name), pasta. */
    synchronized List<String> events() {
        return List.copyOf(events);
    }

    private void event(String e) {
        synchronized (this) {
            events.add(e);
        }
        if (e.equals(killAt)) {
            killAt = null;
            throw new Killed(e);
        }
    }

    /** Anything left on the host under jpod's directories for pods and containers. */
    List<Path> leftovers() throws IOException {
        List<Path> left = new ArrayList<>();
        for (Path dir :
                List.of(
                        rt.layout().containers(),
                        rt.layout().pods(),
                        rt.layout().netns(),
                        rt.layout().state().resolve("pods"),
                        rt.layout().state().resolve("locks"))) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    left.addAll(files.toList());
                }
            }
        }
        return left;
    }

    private static String after(List<String> argv, String flag) {
        return argv.get(argv.indexOf(flag) + 1);
    }

    private static ExecResult ok() {
        return new ExecResult(0, "", "");
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
