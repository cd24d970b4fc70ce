package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * generate kube on real pods: play, generate, down, play the output, generate again gives the same
 * YAML, byte for byte; -f, container names and --service as podman's.
 */
class ExportIT {

    @Test
    void generatedYamlSurvivesBeingPlayedAgain() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/export.yaml").toString();
        Path out = jpod.stage().resolve("export-out.yaml");
        try {
            Jpod.Result played = jpod.run("play", "kube", manifest);
            assertEquals(0, played.exitCode(), played.all());
            Jpod.Result first = jpod.run("generate", "kube", "export");
            assertEquals(0, first.exitCode(), first.all());
            for (String expected :
                    new String[] {
                        "kind: ConfigMap",
                        "readinessProbe:",
                        "postStart:",
                        "memory: 64Mi",
                        "hostPort: 18481",
                        "configMapKeyRef:"
                    }) {
                assertTrue(first.out().contains(expected), expected + " in:\n" + first.out());
            }
            assertEquals(
                    first.out(),
                    jpod.run("generate", "kube", "export-app").out(),
                    "a container name exports its pod");

            Jpod.Result written = jpod.run("generate", "kube", "-f", out.toString(), "export");
            assertEquals(0, written.exitCode(), written.all());
            assertEquals(first.out(), Files.readString(out));
            Jpod.Result again = jpod.run("generate", "kube", "-f", out.toString(), "export");
            assertEquals(125, again.exitCode(), again.all());
            assertTrue(again.err().contains("already exists"), again.err());

            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
            Jpod.Result replayed = jpod.run("play", "kube", out.toString());
            assertEquals(0, replayed.exitCode(), replayed.all());
            assertEquals(first.out(), jpod.run("generate", "kube", "export").out());

            Jpod.Result service = jpod.run("generate", "kube", "--service", "export");
            assertEquals(0, service.exitCode(), service.all());
            assertTrue(
                    service.out().contains("kind: Service\n")
                            && service.out().contains("type: NodePort\n"),
                    service.out());
            Jpod.Result deployment =
                    jpod.run(
                            "generate",
                            "kube",
                            "--type",
                            "deployment",
                            "--replicas",
                            "2",
                            "export");
            assertTrue(deployment.out().contains("replicas: 2\n"), deployment.all());
            Jpod.Result wrongReplicas = jpod.run("generate", "kube", "--replicas", "2", "export");
            assertEquals(125, wrongReplicas.exitCode(), wrongReplicas.all());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
        assertEquals("", jpod.run("ps", "-a", "-q").out());
    }
}
