package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code generate kube} as the CLI chains it: play keeps {@code write(pod, POD)} as the pod's
 * manifest, generate parses that and writes it back. The YAML must come out byte for byte the same
 * however often the output is played and generated again.
 */
class ExportTest {
    static Stream<Path> manifests() throws Exception {
        return RoundTripTest.manifests();
    }

    /** What play keeps for each pod of a manifest. */
    private static List<String> play(String yaml) throws ManifestException {
        ManifestSet set = ManifestLoader.parse("played.yaml", yaml);
        return set.pods().stream().map(p -> ManifestWriter.write(p, OutputKind.POD, set)).toList();
    }

    /** What generate writes from what play kept. */
    private static String generate(String stored, ExportOptions options) throws ManifestException {
        ManifestSet set = ManifestLoader.parse("stored.yaml", stored);
        return ManifestWriter.write(set.pods().getFirst(), options, set);
    }

    private static boolean hasPorts(String stored) throws ManifestException {
        return ManifestLoader.parse("stored.yaml", stored).pods().getFirst().containers().stream()
                .anyMatch(c -> !c.ports().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    @DisplayName("play, generate, play the output, generate: the same YAML, byte for byte")
    void generateIsStableAcrossPlays(Path file) throws Exception {
        for (String stored : play(Files.readString(file))) {
            ExportOptions pod = ExportOptions.of(OutputKind.POD);
            String first = generate(stored, pod);
            assertEquals(stored, first, "generate writes the pod as play kept it");
            String again = generate(play(first).getFirst(), pod);
            assertEquals(first, again);
            if (hasPorts(stored)) {
                ExportOptions service = new ExportOptions(OutputKind.POD, 1, true);
                String withService = generate(stored, service);
                assertEquals(withService, generate(play(withService).getFirst(), service));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    @DisplayName("a pod written as each workload kind plays back as the same pod, under its name")
    void everyKindPlaysBack(Path file) throws Exception {
        for (String stored : play(Files.readString(file))) {
            PodModel pod = ManifestLoader.parse("s.yaml", stored).pods().getFirst();
            for (OutputKind kind : List.of(OutputKind.DEPLOYMENT, OutputKind.DAEMONSET)) {
                String yaml = generate(stored, ExportOptions.of(kind));
                PodModel back = ManifestLoader.parse("w.yaml", yaml).pods().getFirst();
                assertEquals(pod.name() + "-pod", back.name(), yaml);
                assertEquals(pod.containers(), back.containers(), yaml);
                assertEquals(pod.volumes(), back.volumes(), yaml);
            }
        }
    }

    private static final String WEB =
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: server
                image: nginx
                ports:
                - {containerPort: 8080, hostPort: 18080}
                - {name: metrics, containerPort: 9090}
                - {containerPort: 8080, hostPort: 30080, protocol: UDP}
            """;

    @Test
    @DisplayName(
            "--service: a NodePort Service of the hostPorts, selecting the pod, nodePort kept only"
                    + " inside the NodePort range")
    void service() throws Exception {
        String yaml = generate(play(WEB).getFirst(), new ExportOptions(OutputKind.POD, 1, true));
        assertEquals(
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  containers:
                  - name: server
                    image: nginx
                    ports:
                    - containerPort: 8080
                      hostPort: 18080
                    - name: metrics
                      containerPort: 9090
                    - containerPort: 8080
                      hostPort: 30080
                      protocol: UDP
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: NodePort
                  selector:
                    app: web
                  ports:
                  - name: "8080"
                    port: 8080
                  - name: 8080-udp
                    port: 8080
                    protocol: UDP
                    nodePort: 30080
                """,
                yaml);
        ManifestSet back = ManifestLoader.parse("w.yaml", yaml);
        assertEquals(1, back.pods().size());
        assertTrue(
                back.notices().stream().anyMatch(n -> n.toString().contains("Service \"web\"")),
                back.notices().toString());
    }

    @Test
    @DisplayName(
            "--service for a pod that publishes nothing: ClusterIP of its container ports; with no"
                    + " port at all, an error")
    void serviceWithoutHostPorts() throws Exception {
        String yaml =
                generate(
                        play(WEB.replace(", hostPort: 18080", "").replace(", hostPort: 30080", ""))
                                .getFirst(),
                        new ExportOptions(OutputKind.DEPLOYMENT, 2, true));
        assertTrue(yaml.contains("  replicas: 2\n"), yaml);
        String service = yaml.substring(yaml.indexOf("kind: Service"));
        assertTrue(!service.contains("type:") && service.contains("name: metrics"), service);
        String bare = play(Manifests.podWith("")).getFirst();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> generate(bare, new ExportOptions(OutputKind.POD, 1, true)));
        assertTrue(e.getMessage().contains("no ports"), e.getMessage());
    }

    @Test
    @DisplayName("--replicas N: a Deployment of N replicas, which plays as N pods")
    void replicas() throws Exception {
        String yaml =
                generate(play(WEB).getFirst(), new ExportOptions(OutputKind.DEPLOYMENT, 3, false));
        assertEquals(
                List.of("web-pod-0", "web-pod-1", "web-pod-2"),
                ManifestLoader.parse("w.yaml", yaml).pods().stream().map(PodModel::name).toList());
    }
}
