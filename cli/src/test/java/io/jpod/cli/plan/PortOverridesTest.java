package io.jpod.cli.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.state.PortMapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class PortOverridesTest {

    private static final String POD =
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: app
                  image: box
                  ports:
                    - containerPort: 80
                      hostPort: 8080
                    - containerPort: 9090
            """;

    private static PodPlan plan(List<PortMapping> ports) {
        return new PodPlan(
                "web",
                "web",
                Map.of(),
                30,
                "Always",
                PodPlan.NetworkMode.SLIRP4NETNS,
                false,
                ports,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "");
    }

    @Test
    void parsesPodmansSpellings() {
        assertEquals(
                new PortOverrides.Publish(null, 8080, 80, "TCP"),
                PortOverrides.Publish.parse("8080:80"));
        assertEquals(
                new PortOverrides.Publish("127.0.0.1", 53, 5353, "UDP"),
                PortOverrides.Publish.parse("127.0.0.1:53:5353/udp"));
        assertEquals(
                new PortOverrides.Publish(null, 80, 80, "TCP"), PortOverrides.Publish.parse("80"));
        assertThrows(IllegalArgumentException.class, () -> PortOverrides.Publish.parse("x:80"));
        assertThrows(IllegalArgumentException.class, () -> PortOverrides.Publish.parse("80:70000"));
        assertThrows(IllegalArgumentException.class, () -> PortOverrides.Publish.parse("80/icmp"));
    }

    @Test
    void theCommandLineWinsOverTheManifestAndPublishAllAddsTheRest() throws Exception {
        ManifestSet set = ManifestLoader.parse("web.yaml", POD);
        PodPlan manifest = plan(List.of(new PortMapping("TCP", "", 8080, 80)));
        PodPlan out =
                PortOverrides.apply(
                                set.pods(),
                                List.of(manifest),
                                List.of(PortOverrides.Publish.parse("18080:80")),
                                true)
                        .getFirst();
        assertEquals(
                List.of(
                        new PortMapping("TCP", null, 9090, 9090),
                        new PortMapping("TCP", null, 18080, 80)),
                out.ports());
    }
}
