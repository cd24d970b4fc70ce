package io.jpod.model.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YNodeTest {

    private static final Issues NONE =
            new Issues() {
                @Override
                public void error(Mark at, String path, String message) {}

                @Override
                public void warn(Mark at, String path, String message) {}
            };

    /** Identifiers ({@code [A-Za-z_][A-Za-z0-9_-]*}) are dotted on, any other key bracketed. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name|spec.name",
                "_x-1_|spec._x-1_",
                "Z9|spec.Z9",
                "index.html|spec[index.html]",
                "1a|spec[1a]",
                "-a|spec[-a]",
                "a b|spec[a b]",
                "app.kubernetes.io/name|spec[app.kubernetes.io/name]",
                "ü|spec[ü]",
                "''|spec[]",
            })
    void pathToAKey(String key, String path) {
        YNode root = YamlDocuments.compose("f.yaml", "spec: {}", NONE).documents().getFirst();
        assertEquals(path, root.map().get("spec").pathTo(key));
    }
}
