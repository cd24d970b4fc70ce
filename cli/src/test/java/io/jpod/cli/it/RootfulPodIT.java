package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Run by root, the same commands work without a user namespace: containers run as real root. */
class RootfulPodIT {

    @Test
    void sampleRunsRootfulAndLeavesNoMount() throws Exception {
        assumeTrue(Jpod.asRoot(), "rootful mode needs root");
        Jpod jpod = Jpod.get();
        String jpodPath = jpod.stage().resolve("jpod").toString();
        String manifest = jpod.stage().resolve("samples/web.yaml").toString();
        Jpod.Result built =
                jpod.runRootful(jpod.stage().resolve("samples/build-images").toString());
        assertEquals(0, built.exitCode(), built.all());
        Jpod.Result played = jpod.runRootful(jpodPath, "play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
        try {
            HttpResponse<String> page =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/"))
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("Hello from jpod"), page.body());
            Jpod.Result id = jpod.runRootful(jpodPath, "exec", "web-server", "id", "-u");
            assertEquals("0\n", id.out(), id.all());
            assertTrue(jpod.runRootful(jpodPath, "info").out().contains("rootless: false"));
        } finally {
            Jpod.Result down = jpod.runRootful(jpodPath, "kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        }
        String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
        assertFalse(
                mounts.contains(jpod.stage().resolve("rootful").toString()),
                "mounts left:\n" + mounts);
    }
}
