package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** podman's JSON is Go's MarshalIndent with four spaces. */
class JsonTest {

    @Test
    void fourSpaceIndentAndNoSpaceBeforeTheColon() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", "abc");
        doc.put("Running", true);
        doc.put("Args", List.of("a", "b"));
        doc.put("State", Map.of("Pid", 12));
        assertEquals(
                """
                [
                    {
                        "Id": "abc",
                        "Running": true,
                        "Args": [
                            "a",
                            "b"
                        ],
                        "State": {
                            "Pid": 12
                        }
                    }
                ]\
                """,
                Json.pretty(List.of(doc)));
    }

    @Test
    void emptyContainersAreWrittenAsGoWritesThem() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Args", List.of());
        doc.put("Labels", Map.of());
        assertEquals("{\n    \"Args\": [],\n    \"Labels\": {}\n}", Json.pretty(doc));
        assertEquals("[]", Json.pretty(List.of()));
    }
}
