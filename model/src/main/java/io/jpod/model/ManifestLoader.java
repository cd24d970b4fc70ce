package io.jpod.model;

import io.jpod.model.yaml.Mark;
import io.jpod.model.yaml.YNode;
import io.jpod.model.yaml.YamlDocuments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads manifests and validates them completely before anything may run. */
public final class ManifestLoader {
    private ManifestLoader() {}

    /**
     * Loads what the user named: files, directories (every {@code *.yaml} and {@code *.yml} in name
     * order, not recursive) and {@code -} for stdin.
     */
    public static ManifestSet load(List<String> args, InputStream stdin) throws ManifestException {
        return load(args, stdin, Map.of()).set();
    }

    /**
     * What was loaded, and for each pod the index of the argument it came from (a file, a
     * directory, stdin, or a text fetched for it).
     */
    public record Loaded(ManifestSet set, Map<String, Integer> argOfPod) {}

    /**
     * As {@link #load(List, InputStream)}; an argument that is a key of {@code fetched} (a URL the
     * caller downloaded) is read as that text.
     */
    public static Loaded load(List<String> args, InputStream stdin, Map<String, String> fetched)
            throws ManifestException {
        Diagnostics diagnostics = new Diagnostics();
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                if (fetched.containsKey(arg)) {
                    sources.add(new Source(arg, fetched.get(arg), i));
                } else if (arg.equals("-")) {
                    sources.add(
                            new Source(
                                    "<stdin>",
                                    new String(stdin.readAllBytes(), StandardCharsets.UTF_8),
                                    i));
                } else if (Files.isDirectory(Path.of(arg))) {
                    for (Path file : manifestsIn(Path.of(arg))) {
                        sources.add(new Source(file.toString(), Files.readString(file), i));
                    }
                } else {
                    sources.add(new Source(arg, Files.readString(Path.of(arg)), i));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                diagnostics.file(arg);
                diagnostics.error(new Mark(arg, 0, 0), "", "cannot read: " + describe(e));
            }
        }
        if (sources.isEmpty() && !diagnostics.failed()) {
            diagnostics.error(new Mark("", 0, 0), "", "no manifests given");
        }
        return read(sources, diagnostics);
    }

    /** Parses one text as if read from fileName. */
    public static ManifestSet parse(String fileName, String yamlText) throws ManifestException {
        return read(List.of(new Source(fileName, yamlText, 0)), new Diagnostics()).set();
    }

    private record Source(String name, String text, int arg) {}

    private static Loaded read(List<Source> sources, Diagnostics diagnostics)
            throws ManifestException {
        DocumentReader reader = new DocumentReader(diagnostics);
        Map<String, Integer> argOfPod = new HashMap<>();
        for (Source source : sources) {
            diagnostics.file(source.name);
            YamlDocuments.Parsed parsed =
                    YamlDocuments.compose(source.name, source.text, diagnostics);
            for (YNode document : parsed.documents()) {
                reader.read(document);
                for (String pod : reader.podNames()) {
                    argOfPod.putIfAbsent(pod, source.arg);
                }
            }
            if (parsed.error() != null) {
                diagnostics.error(parsed.error().mark(), "", parsed.error().getMessage());
            }
        }
        ManifestSet set = reader.finish();
        if (diagnostics.failed()) {
            throw new ManifestException(diagnostics.problems(), diagnostics.notices());
        }
        return new Loaded(set, Map.copyOf(argOfPod));
    }

    private static List<Path> manifestsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            p ->
                                    p.getFileName().toString().endsWith(".yaml")
                                            || p.getFileName().toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }
}
