package io.jpod.cli.command;

import io.jpod.model.ManifestException;
import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.model.ManifestWriter;
import io.jpod.model.OutputKind;

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

    /** The stored manifest of a pod, written back as {@code kind} with what it references. */
    static String write(String podName, String source, OutputKind kind) throws java.io.IOException {
        try {
            ManifestSet set = ManifestLoader.parse(podName + ".yaml", source);
            return ManifestWriter.write(set.pods().getFirst(), kind, set);
        } catch (ManifestException e) {
            throw new java.io.IOException(
                    "stored manifest of pod " + podName + " no longer parses: " + e.getMessage(),
                    e);
        }
    }
}
