package io.jpod.cli.command;

import io.jpod.model.ExportOptions;
import io.jpod.model.ManifestException;
import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.model.ManifestWriter;
import io.jpod.model.OutputKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code generate kube} does with the model, apart from the command class: picocli
 * instantiates every command at start-up, and a command that caught a model exception would load
 * the model for {@code ps} too.
 */
final class KubeWriter {

    private KubeWriter() {}

    /** The kind named by --type, if it is one. */
    static Optional<OutputKind> kind(String type) {
        try {
            return Optional.of(OutputKind.valueOf(type.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The stored manifest of a pod, written back as {@code kind} with what it references, a
     * Deployment's replicas and, if asked, a Service.
     */
    static String write(
            String podName, String source, OutputKind kind, int replicas, boolean service)
            throws java.io.IOException {
        ManifestSet set;
        try {
            set = ManifestLoader.parse(podName + ".yaml", source);
        } catch (ManifestException e) {
            throw new java.io.IOException(
                    "stored manifest of pod " + podName + " no longer parses: " + e.getMessage(),
                    e);
        }
        try {
            return ManifestWriter.write(
                    set.pods().getFirst(), new ExportOptions(kind, replicas, service), set);
        } catch (IllegalArgumentException e) {
            throw new java.io.IOException("--service: " + e.getMessage(), e);
        }
    }

    /** The documents of YAML that {@link ManifestWriter} wrote, each with its final newline. */
    static List<String> documents(String yaml) {
        // the writer indents every block scalar, so a line that is just "---" separates
        List<String> out = new ArrayList<>();
        for (String d : yaml.split("(?m)^---\\n")) {
            if (!d.isEmpty()) {
                out.add(d);
            }
        }
        return out;
    }
}
