package io.jpod.model;

import io.jpod.model.yaml.Mark;
import io.jpod.model.yaml.YamlDocuments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads manifests and validates them completely before anything may run. */
public final class ManifestLoader {
    private ManifestLoader() {}

    /**
     * Loads what the user named: files, directories (every {@code *.yaml} and {@code *.yml} in name
     * order, not recursive) and {@code -} for stdin.
     */
    public static ManifestSet load(List<String> args, InputStream stdin) throws ManifestException {
        Diagnostics diagnostics = new Diagnostics();
        List<Source> sources = new ArrayList<>();
        for (String arg : args) {
            try {
                if (arg.equals("-")) {
                    sources.add(
                            new Source(
                                    "<stdin>",
                                    new String(stdin.readAllBytes(), StandardCharsets.UTF_8)));
                } else if (Files.isDirectory(Path.of(arg))) {
                    for (Path file : manifestsIn(Path.of(arg))) {
                        sources.add(new Source(file.toString(), Files.readString(file)));
                    }
                } else {
                    sources.add(new Source(arg, Files.readString(Path.of(arg))));
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
        return read(List.of(new Source(fileName, yamlText)), new Diagnostics());
    }

    private record Source(String name, String text) {}

    private static ManifestSet read(List<Source> sources, Diagnostics diagnostics)
            throws ManifestException {
        DocumentReader reader = new DocumentReader(diagnostics);
        for (Source source : sources) {
            diagnostics.file(source.name);
            YamlDocuments.Parsed parsed =
                    YamlDocuments.compose(source.name, source.text, diagnostics);
            parsed.documents().forEach(reader::read);
            if (parsed.error() != null) {
                diagnostics.error(parsed.error().mark(), "", parsed.error().getMessage());
            }
        }
        ManifestSet set = reader.finish();
        if (diagnostics.failed()) {
            throw new ManifestException(diagnostics.problems(), diagnostics.notices());
        }
        return set;
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
