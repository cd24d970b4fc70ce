package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

/** Kubernetes' expansion rules (third_party/forked/golang/expansion). */
class EnvExpansionTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "$(A)|a",
                "x$(A)y$(B)z|xaybz",
                "$(MISSING)|$(MISSING)",
                "$$(A)|$(A)",
                "$$|$",
                "$$$(A)|$a",
                "$A|$A",
                "$(A|$(A",
                "end$|end$",
                "$(A)$(A)|aa",
                "$()|$()",
            })
    void expands(String input, String expected) {
        assertEquals(expected, EnvExpansion.expand(input, Map.of("A", "a", "B", "b")));
    }
}
