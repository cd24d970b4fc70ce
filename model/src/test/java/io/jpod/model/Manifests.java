package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Test helpers: load YAML text, or collect the problems it has. */
final class Manifests {
    private Manifests() {}

    static ManifestSet load(String yaml) {
        try {
            return ManifestLoader.parse("test.yaml", yaml);
        } catch (ManifestException e) {
            throw new AssertionError("unexpected problems:\n" + e.getMessage(), e);
        }
    }

    static PodModel pod(String yaml) {
        return load(yaml).pods().get(0);
    }

    static List<String> problems(String yaml) {
        return assertThrows(ManifestException.class, () -> ManifestLoader.parse("test.yaml", yaml))
                .problems()
                .stream()
                .map(Problem::toString)
                .toList();
    }

    /** A minimal valid pod with one container, and extra container lines indented under it. */
    static String podWith(String containerLines) {
        return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: c
            image: busybox:1.36
        """
                + containerLines.indent(4);
    }
}
