package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every broken manifest fails with exactly the lines in its {@code .expected} sibling. */
class BrokenCorpusTest {
    static Stream<Path> manifests() throws IOException, URISyntaxException {
        Path dir = Path.of(BrokenCorpusTest.class.getResource("/broken").toURI());
        List<Path> files =
                Files.list(dir).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        assertFalse(files.isEmpty());
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void failsWithExpectedMessage(Path manifest) throws IOException {
        String name = manifest.getFileName().toString();
        List<String> expected =
                Files.readAllLines(manifest.resolveSibling(name.replace(".yaml", ".expected")));
        ManifestException e =
                assertThrows(
                        ManifestException.class,
                        () -> ManifestLoader.parse(name, Files.readString(manifest)));
        assertEquals(expected, e.problems().stream().map(Problem::toString).toList());
    }
}
