package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every manifest of the model's broken corpus: {@code play kube} prints its expected errors, exits
 * 125, creates nothing.
 */
class BrokenManifestIT {

    @TestFactory
    Stream<DynamicTest> eachBrokenManifestIsRefused() throws Exception {
        Jpod jpod = Jpod.get();
        Path dir = jpod.stage().resolve("broken");
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(cases.size() >= 10, "the broken corpus is missing: " + dir);
        return cases.stream()
                .map(
                        yaml ->
                                DynamicTest.dynamicTest(
                                        yaml.getFileName().toString(),
                                        () -> {
                                            Path expectedFile =
                                                    yaml.resolveSibling(
                                                            yaml.getFileName()
                                                                    .toString()
                                                                    .replace(".yaml", ".expected"));
                                            List<String> expected =
                                                    Files.readAllLines(expectedFile).stream()
                                                            .filter(l -> !l.isBlank())
                                                            .toList();
                                            Jpod.Result r =
                                                    jpod.run(
                                                            List.of(
                                                                    "play",
                                                                    "kube",
                                                                    yaml.getFileName().toString()),
                                                            dir);
                                            assertEquals(125, r.exitCode(), r.all());
                                            for (String line : expected) {
                                                assertTrue(
                                                        r.err().contains(line),
                                                        "expected `" + line + "` in:\n" + r.err());
                                            }
                                            assertEquals("", jpod.run("pod", "ps", "-q").out());
                                        }));
    }
}
