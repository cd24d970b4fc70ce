package io.jpod.cli.command;

import io.jpod.model.ManifestException;
import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.model.PodModel;
import io.jpod.runtime.JpodException;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifests a play names, read: files, directories, stdin and URLs, and the files of {@code
 * --configmap}, which may give ConfigMaps only. Each pod keeps the source it came from: the
 * absolute path of the file or directory named, or the URL; none for stdin.
 */
record ManifestInput(ManifestSet set, Map<String, String> sourceOfPod, Set<String> sources) {

    static ManifestInput load(
            List<String> args,
            List<String> configMapFiles,
            Map<String, String> annotations,
            InputStream stdin)
            throws JpodException, ManifestException {
        List<String> all = new ArrayList<>(args);
        all.addAll(configMapFiles);
        Map<String, String> fetched = new HashMap<>();
        for (String arg : all) {
            if (ManifestFetch.isUrl(arg) && !fetched.containsKey(arg)) {
                fetched.put(arg, ManifestFetch.get(arg));
            }
        }
        ManifestLoader.Loaded loaded = ManifestLoader.load(all, stdin, fetched);
        Map<String, String> sourceOfPod = new LinkedHashMap<>();
        List<PodModel> pods = new ArrayList<>();
        for (PodModel pod : loaded.set().pods()) {
            int arg = loaded.argOfPod().getOrDefault(pod.name(), 0);
            if (arg >= args.size()) {
                throw new JpodException(
                        all.get(arg)
                                + ": a --configmap file may hold ConfigMaps only, not the "
                                + pod.sourceKind().spelling()
                                + " "
                                + pod.workloadName());
            }
            String source = source(args.get(arg));
            if (source != null) {
                sourceOfPod.put(pod.name(), source);
            }
            pods.add(annotations.isEmpty() ? pod : pod.withAnnotations(annotations));
        }
        Set<String> sources = new LinkedHashSet<>();
        for (String arg : args) {
            String s = source(arg);
            if (s != null) {
                sources.add(s);
            }
        }
        ManifestSet set = loaded.set();
        ManifestSet withAnnotations =
                new ManifestSet(
                        pods,
                        set.configMaps(),
                        set.secrets(),
                        set.claims(),
                        set.notices(),
                        set.jobs());
        return new ManifestInput(withAnnotations, sourceOfPod, sources);
    }

    /** What a pod records it was played from; null for stdin. */
    static String source(String arg) {
        if (arg.equals("-")) {
            return null;
        }
        if (ManifestFetch.isUrl(arg)) {
            return arg;
        }
        return Path.of(arg).toAbsolutePath().normalize().toString();
    }
}
