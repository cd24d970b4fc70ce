package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.model.PodModel;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.ReconcileStep;
import io.jpod.runtime.pod.Reconciled;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code play kube --watch}: reconciles (as {@code --replace}) now and each time a manifest or a
 * {@code --configmap} file changes, until SIGINT or SIGTERM. A file a hostPath volume names is
 * watched too: an edit in place the containers see at once through their bind mount, but one
 * replaced by a rename they do not, so its pods are made again. Edits come in bursts (an editor
 * writes a temporary file and renames it; a checkout touches many files), so a change is acted on
 * after {@value #QUIET_MILLIS} ms without another. A manifest that does not validate is reported,
 * located, and the running pods are left as they are. On exit the pods keep running, unless {@code
 * --down-on-exit}.
 */
final class KubeWatch {

    static final long QUIET_MILLIS = 300;

    private KubeWatch() {}

    static int run(KubeOptions options) throws JpodException, IOException {
        Engine engine = Engine.open(System.getenv());
        List<String> watched = new ArrayList<>(options.files);
        watched.addAll(options.configMaps);
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            Set<Path> dirs = new HashSet<>();
            Set<Path> files = register(watcher, watched, dirs);
            if (options.downOnExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> down(engine, options)));
            }
            HostPathFiles hostPaths = follow(watcher, dirs, files, apply(engine, options, true));
            System.out.println("Watching " + String.join(", ", watched) + " (Ctrl-C to stop)");
            System.out.flush();
            while (true) {
                Set<Path> changed = new LinkedHashSet<>(relevant(watcher.take(), files));
                // the quiet period: more events extend it
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    changed.addAll(relevant(more, files));
                }
                if (!changed.isEmpty()) {
                    System.out.println(
                            "Changed: "
                                    + String.join(
                                            ", ", changed.stream().map(Path::toString).toList()));
                    Set<String> stale = hostPaths.stalePods(List.copyOf(changed));
                    if (!stale.isEmpty() && reads(options)) {
                        remake(engine, stale);
                    }
                    HostPathFiles now = follow(watcher, dirs, files, apply(engine, options, false));
                    if (now != null) {
                        hostPaths = now;
                    }
                    System.out.flush();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /**
     * Also watches the files the applied pods' hostPath volumes name; null (the last ones kept)
     * when the apply failed.
     */
    private static HostPathFiles follow(
            WatchService watcher, Set<Path> dirs, Set<Path> files, ManifestInput applied)
            throws IOException {
        if (applied == null) {
            return null;
        }
        HostPathFiles hostPaths = HostPathFiles.of(applied.set());
        for (Path file : hostPaths.paths()) {
            watchDirectory(watcher, dirs, file.getParent());
            files.add(file);
        }
        return hostPaths;
    }

    /** Whether the manifests read now: a pod is never taken down for an edit that is broken. */
    private static boolean reads(KubeOptions options) {
        try {
            KubePlayer.read(options);
            return true;
        } catch (JpodException e) {
            return false; // the apply that follows reports it
        }
    }

    /**
     * Removes the pods whose hostPath file was replaced, so that the reconcile which follows makes
     * them again with a bind mount of the new file.
     */
    private static void remake(Engine engine, Set<String> stale) {
        for (String pod : stale) {
            try {
                engine.remove(pod, true);
                System.out.println(
                        "pod/" + pod + " removed: a hostPath file it mounts was replaced");
            } catch (JpodException | IOException e) {
                Errors.report(e);
            }
        }
    }

    /**
     * One reconcile; a failure (a broken manifest included) is printed and the watch goes on, and
     * gives null. On the first, every pod is printed; then only those that changed.
     */
    private static ManifestInput apply(Engine engine, KubeOptions options, boolean first) {
        try {
            ManifestInput input = KubePlayer.read(options);
            for (Reconciled r :
                    KubePlayer.reconcile(input, engine, options, ServiceHandoffs.NONE)) {
                if (first || r.action() != ReconcileStep.Action.UNCHANGED) {
                    System.out.println(KubePlayer.line(r));
                }
            }
            return input;
        } catch (JpodException | IOException | RuntimeException e) {
            Errors.report(e);
            System.err.println("Notice: the running pods are left as they were");
            return null;
        }
    }

    /**
     * Watches each directory named, and the directory of each file named (a file replaced by a
     * rename is a new file, which only its directory sees). Returns the files to react to; a
     * directory's manifests are all of its *.yaml and *.yml.
     */
    private static Set<Path> register(WatchService watcher, List<String> args, Set<Path> dirs)
            throws IOException, JpodException {
        Set<Path> files = new HashSet<>();
        for (String arg : args) {
            if (ManifestFetch.isUrl(arg)) {
                throw new JpodException("--watch needs files or directories, not " + arg);
            }
            Path p = Path.of(arg).toAbsolutePath().normalize();
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            if (!Files.isDirectory(p)) {
                files.add(p);
            }
            watchDirectory(watcher, dirs, dir);
        }
        // a directory given as such: every manifest in it counts
        for (String arg : args) {
            Path p = Path.of(arg).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                files.add(p.resolve("*"));
            }
        }
        return files;
    }

    private static void watchDirectory(WatchService watcher, Set<Path> dirs, Path dir)
            throws IOException {
        if (dirs.add(dir)) {
            dir.register(
                    watcher,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private static List<Path> relevant(WatchKey key, Set<Path> files) {
        Path dir = (Path) key.watchable();
        List<Path> changed = new ArrayList<>();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                Path file = dir.resolve(name);
                String n = name.toString();
                boolean manifest = n.endsWith(".yaml") || n.endsWith(".yml");
                if (files.contains(file) || (manifest && files.contains(dir.resolve("*")))) {
                    changed.add(file);
                }
            }
        }
        key.reset();
        return changed;
    }

    private static void down(Engine engine, KubeOptions options) {
        try {
            Set<String> sources = new LinkedHashSet<>();
            options.files.forEach(f -> sources.add(ManifestInput.source(f)));
            Set<String> names = new HashSet<>();
            try {
                KubePlayer.read(options).set().pods().stream()
                        .map(PodModel::name)
                        .forEach(names::add);
            } catch (JpodException e) {
                // a broken manifest on exit: the sources still name the pods
            }
            List<PodRecord> removed = engine.removeEach(engine.podsOf(sources, names));
            removed.forEach(p -> System.out.println("pod/" + p.name() + " removed"));
        } catch (JpodException | IOException e) {
            Errors.report(e);
        }
    }
}
