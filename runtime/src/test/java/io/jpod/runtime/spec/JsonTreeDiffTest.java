package io.jpod.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.util.List;

class JsonTreeDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> diff(String expected, String actual) throws Exception {
        JsonNode e = JSON.readTree(expected);
        JsonNode a = JSON.readTree(actual);
        return JsonTreeDiff.of(e, a);
    }

    @Test
    void equalDocumentsHaveNoDifference() throws Exception {
        assertEquals(List.of(), diff("{\"a\":[1,{\"b\":true}]}", "{\"a\":[1,{\"b\":true}]}"));
    }

    @Test
    void eachDifferenceNamesItsPath() throws Exception {
        assertEquals(
                List.of(
                        "$.process.args[1]: expected \"-f\" but was \"-g\"",
                        "$.process.cwd: missing, expected \"/\"",
                        "$.process.env[1]: missing, expected \"B=2\"",
                        "$.linux.namespaces[0].path: expected \"/x\" but was 1",
                        "$.root: unexpected {\"path\":\"/r\"}"),
                diff(
                        "{\"process\":{\"args\":[\"a\",\"-f\"],\"cwd\":\"/\",\"env\":[\"A=1\",\"B=2\"]},"
                            + "\"linux\":{\"namespaces\":[{\"path\":\"/x\"}]}}",
                        "{\"process\":{\"args\":[\"a\",\"-g\"],\"env\":[\"A=1\"]},"
                            + "\"linux\":{\"namespaces\":[{\"path\":1}]},\"root\":{\"path\":\"/r\"}}"));
    }
}
