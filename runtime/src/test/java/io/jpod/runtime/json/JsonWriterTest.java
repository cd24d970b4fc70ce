package io.jpod.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The writer's text, read back by Jackson. */
class JsonWriterTest {

    @Test
    void nestsEscapesAndIndents() throws Exception {
        String text =
                new JsonWriter()
                        .object()
                        .field("s", "a \"q\" \\ \n é")
                        .field("n", -7)
                        .field("b", true)
                        .array("none")
                        .end()
                        .object("empty")
                        .end()
                        .array("list")
                        .value("x")
                        .object()
                        .field("k", 1)
                        .end()
                        .array()
                        .value(2)
                        .end()
                        .end()
                        .rawField("raw", " {\"r\": [1, 2]}\n")
                        .end()
                        .text();
        assertEquals(
                new ObjectMapper()
                        .readTree(
                                "{\"s\": \"a \\\"q\\\" \\\\ \\n é\", \"n\": -7, \"b\": true,"
                                        + " \"none\": [], \"empty\": {}, \"list\": [\"x\", {\"k\":"
                                        + " 1}, [2]], \"raw\": {\"r\": [1, 2]}}"),
                new ObjectMapper().readTree(text));
        assertEquals(
                "{\n  \"a\": [\n    1\n  ],\n  \"e\": {}\n}\n",
                new JsonWriter().object().array("a").value(1).end().object("e").end().end().text());
    }

    @Test
    void aDocumentLeftOpenIsRefused() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().object().text());
    }
}
