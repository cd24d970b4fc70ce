package io.jpod.model.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** go-yaml v2's typing of plain scalars, as kubectl reads a manifest. */
class ScalarKindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "~|NULL",
                "null|NULL",
                "yes|BOOL",
                "Off|BOOL",
                "0|INT",
                "-12|INT",
                "+1_000|INT",
                "0644|INT",
                "0o17|INT",
                "0x1F|INT",
                "0b101|INT",
                "1.5|FLOAT",
                "-.5|FLOAT",
                "+1e3|FLOAT",
                "1.|FLOAT",
                ".inf|FLOAT",
                "-.Inf|FLOAT",
                ".NaN|FLOAT",
                "web|STRING",
                "localhost/jpod-busybox:latest|STRING",
                "/www|STRING",
                "inf|STRING",
                "nan|STRING",
                "e3|STRING",
                "_1|STRING",
                "0x|STRING",
                "1.2.3|STRING",
                "-|STRING",
                "+|STRING",
                ".|STRING",
                "10.0.2.100|STRING",
                "8080/tcp|STRING",
                "1Gi|STRING",
            })
    void typesAsKubectl(String text, ScalarKind kind) {
        assertEquals(kind, ScalarKind.ofPlain(text));
    }
}
