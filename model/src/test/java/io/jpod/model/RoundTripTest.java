package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** parse(write(p)) equals p for every pod of every sample, real-world and round-trip manifest. */
class RoundTripTest {
    static Stream<Path> manifests() throws IOException, URISyntaxException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("/realworld", "/roundtrip")) {
            try (Stream<Path> s =
                    Files.list(Path.of(RoundTripTest.class.getResource(dir).toURI()))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        Path samples =
                Path.of(
                        "..",
                        "samples"); // the repository's samples, when the module is built in place
        if (Files.isDirectory(samples)) {
            try (Stream<Path> s = Files.list(samples)) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void podsSurviveWritingAsPods(Path file) throws Exception {
        ManifestSet set =
                ManifestLoader.parse(file.getFileName().toString(), Files.readString(file));
        assertFalse(set.pods().isEmpty());
        for (PodModel pod : set.pods()) {
            String yaml = ManifestWriter.write(pod, OutputKind.POD, set);
            ManifestSet back = ManifestLoader.parse("written.yaml", yaml);
            assertEquals(List.of(pod.asPod()), back.pods(), yaml);
            assertEquals(List.of(), back.notices(), "clean output draws no warnings:\n" + yaml);
            for (ConfigMapModel c : back.configMaps()) {
                assertEquals(set.configMap(c.namespace(), c.name()).orElseThrow(), c);
            }
            for (SecretModel s : back.secrets()) {
                assertEquals(set.secret(s.namespace(), s.name()).orElseThrow(), s);
            }
            for (PvcModel c : back.claims()) {
                assertEquals(set.claim(c.namespace(), c.name()).orElseThrow(), c);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void singlePodWorkloadsSurviveWritingAsTheirKind(Path file) throws Exception {
        ManifestSet set =
                ManifestLoader.parse(file.getFileName().toString(), Files.readString(file));
        for (PodModel pod : set.pods()) {
            if (set.pods().stream().filter(p -> p.workloadName().equals(pod.workloadName())).count()
                    > 1) {
                continue; // N replicas collapse to one when written back
            }
            OutputKind kind = Spelled.parse(OutputKind.class, pod.sourceKind().spelling());
            String yaml = ManifestWriter.write(pod, kind, set);
            assertEquals(List.of(pod), ManifestLoader.parse("written.yaml", yaml).pods(), yaml);
        }
    }
}
