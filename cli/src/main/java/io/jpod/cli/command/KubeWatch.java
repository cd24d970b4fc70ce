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
 * {@code --configmap} file changes, until SIGINT or SIGTERM. Edits come in bursts (an editor writes
 * a temporary file and renames it; a checkout touches many files), so a change is acted on after
 * {@value #QUIET_MILLIS} ms without another. A manifest that does not validate is reported,
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
            Set<Path> files = register(watcher, watched);
            if (options.downOnExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> down(engine, options)));
            }
            apply(engine, options, true);
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
                    apply(engine, options, false);
                    System.out.flush();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /**
     * One reconcile; a failure (a broken manifest included) is printed and the watch goes on. On
     * the first, every pod is printed; then only those that changed.
     */
    private static void apply(Engine engine, KubeOptions options, boolean first) {
        try {
            ManifestInput input = KubePlayer.read(options);
            for (Reconciled r :
                    KubePlayer.reconcile(input, engine, options, ServiceHandoffs.NONE)) {
                if (first || r.action() != ReconcileStep.Action.UNCHANGED) {
                    System.out.println(KubePlayer.line(r));
                }
            }
        } catch (JpodException | IOException | RuntimeException e) {
            Errors.report(e);
            System.err.println("Notice: the running pods are left as they were");
        }
    }

    /**
     * Watches each directory named, and the directory of each file named (a file replaced by a
     * rename is a new file, which only its directory sees). Returns the files to react to; a
     * directory's manifests are all of its *.yaml and *.yml.
     */
    private static Set<Path> register(WatchService watcher, List<String> args)
            throws IOException, JpodException {
        Set<Path> dirs = new HashSet<>();
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
            if (dirs.add(dir)) {
                dir.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
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
