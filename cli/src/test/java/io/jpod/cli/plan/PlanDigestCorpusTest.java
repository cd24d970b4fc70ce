package io.jpod.cli.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.model.ManifestException;
import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.model.PodModel;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageConfig;
import io.jpod.runtime.pod.PlanDigest;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.state.PortMapping;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The plans of every manifest the tests and samples hold, as the planner makes them, digest and
 * render as jpod's Jackson code did: a pod an older jpod played reads as unchanged to {@code play
 * kube --replace}.
 */
class PlanDigestCorpusTest {

    private static final Image IMAGE =
            new Image(
                    "sha256:" + "ab".repeat(32),
                    List.of("localhost/app:1"),
                    List.of("sha256:" + "cd".repeat(32)),
                    new ImageConfig(
                            List.of("/entry"),
                            List.of("default"),
                            List.of("PATH=/usr/bin:/bin", "IMG=1"),
                            "/app",
                            "1000:1000",
                            Map.of(),
                            List.of()),
                    Instant.parse("2024-05-01T10:00:00Z"),
                    1024);

    private static List<Path> manifests() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir :
                List.of("src/test/resources/it", "../samples", "../model/src/test/resources")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void everyPlanOfTheTestManifestsDigestsAsWithJackson() throws IOException {
        int plans = 0;
        for (Path file : manifests()) {
            ManifestSet set;
            try {
                set =
                        ManifestLoader.parse(
                                file.toString(),
                                new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (ManifestException e) {
                continue; // the broken manifests of the model's tests
            }
            for (PodModel pod : set.pods()) {
                for (PodPlan.NetworkMode network : PodPlan.NetworkMode.values()) {
                    PodPlan plan;
                    try {
                        plan = new PlanBuilder(ref -> IMAGE, network).build(pod, set);
                    } catch (ManifestException e) {
                        continue; // what the planner refuses, no plan to digest
                    }
                    for (PodPlan variant :
                            List.of(
                                    plan,
                                    plan.withNoHosts(),
                                    plan.withPorts(
                                            List.of(new PortMapping("tcp", "", 8080, 80))))) {
                        String what = file + " " + pod.name() + " " + network;
                        assertEquals(
                                JacksonPlanDigest.render(variant),
                                PlanDigest.render(variant),
                                what);
                        assertEquals(
                                JacksonPlanDigest.spec(variant), PlanDigest.spec(variant), what);
                        assertEquals(
                                JacksonPlanDigest.files(variant), PlanDigest.files(variant), what);
                        plans++;
                    }
                }
            }
        }
        assertTrue(plans >= 600, plans + " plans");
    }
}
