package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * hostNetwork: true puts the pod in the network jpod runs in: a container's port is the host's
 * port.
 */
class HostNetworkIT {

    @Test
    void containerBindsTheHostPortItself() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/host-network.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertFalse(
                    played.err().contains("hostNetwork"), "hostNetwork is honoured, not noticed");
            String body = "";
            for (int i = 0; i < 50 && body.isEmpty(); i++) {
                try {
                    body =
                            HttpClient.newHttpClient()
                                    .send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://127.0.0.1:18090/"))
                                                    .timeout(Duration.ofSeconds(2))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body();
                } catch (ConnectException notYet) {
                    Thread.sleep(100);
                }
            }
            assertTrue(body.contains("Hello from jpod"), body);
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run(
                    "pod", "rm", "-f",
                    "-a"); // without an assertion, so that the first failure is the one reported
        }
    }
}
