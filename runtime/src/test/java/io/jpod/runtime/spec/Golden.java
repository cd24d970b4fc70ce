package io.jpod.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden config.json files under src/test/resources/spec. {@code mvn -pl runtime verify
 * -Djpod.golden.update=true} writes them from the code instead of checking it: review the diff of
 * every rewritten file by hand before committing it.
 */
final class Golden {

    static final String UPDATE = "jpod.golden.update";
    private static final Path DIR = Path.of("src/test/resources/spec");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {}

    static void check(String name, String generated) throws IOException {
        JsonNode actual = JSON.readTree(generated);
        Path file = DIR.resolve(name + ".json");
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(DIR);
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), actual);
            Files.writeString(file, Files.readString(file) + "\n");
            return;
        }
        assertTrue(
                Files.exists(file),
                file + " is missing: write it with -D" + UPDATE + "=true and check it by hand");
        List<String> differences = JsonTreeDiff.of(JSON.readTree(file.toFile()), actual);
        assertEquals(
                List.of(),
                differences,
                name
                        + ".json differs from the generated spec (regenerate with -D"
                        + UPDATE
                        + "=true only if the change is meant)");
    }
}
