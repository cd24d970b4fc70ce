package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Under each network mode, the pod's address is the same in the downward API, /etc/hosts and
 * inspect, and it is an address the container really has; {@code status.hostIP} is the host's.
 */
class PodAddressIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"slirp4netns", "pasta", "host"})
    void onePodAddressEverywhere(String mode) throws Exception {
        Jpod jpod = Jpod.get();
        String name = "addr-" + mode.replace("4", "");
        Path file = jpod.stage().resolve("it/" + name + ".yaml");
        Files.writeString(
                file,
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                spec:
                  hostNetwork: %s
                  terminationGracePeriodSeconds: 1
                  containers:
                    - name: app
                      image: localhost/jpod-busybox:latest
                      command: ["sleep", "1000"]
                      env:
                        - name: POD_IP
                          valueFrom: {fieldRef: {fieldPath: status.podIP}}
                        - name: HOST_IP
                          valueFrom: {fieldRef: {fieldPath: status.hostIP}}
                """
                        .formatted(name, mode.equals("host")));
        new ProcessBuilder("chmod", "644", file.toString()).start().waitFor();
        List<String> play = new ArrayList<>(List.of("play", "kube", file.toString()));
        if (!mode.equals("host")) {
            play.addAll(List.of("--network", mode));
        }
        try {
            Jpod.Result played = jpod.run(play, null);
            assertEquals(0, played.exitCode(), played.all());
            String ctr = name + "-app";
            String podIP = exec(jpod, ctr, "echo $POD_IP");
            String hostIP = exec(jpod, ctr, "echo $HOST_IP");
            String hostsEntry = exec(jpod, ctr, "grep -w " + name + " /etc/hosts | cut -f1");
            String addresses = exec(jpod, ctr, "ip -4 -o addr show | awk '{print $4}'");
            JsonNode inspect = JSON.readTree(jpod.run("pod", "inspect", name).out());
            JsonNode pod = inspect.isArray() ? inspect.get(0) : inspect;

            assertEquals(hostAddress(), hostIP, "status.hostIP is the host's address");
            assertEquals(podIP, hostsEntry, "/etc/hosts names the pod by its address");
            assertEquals(podIP, pod.at("/NetworkSettings/IPAddress").asText(), pod.toString());
            assertEquals(mode, pod.at("/NetworkSettings/NetworkMode").asText(), pod.toString());
            assertTrue(
                    addresses.lines().anyMatch(a -> a.startsWith(podIP + "/")),
                    "the container has its pod address " + podIP + ": " + addresses);
            if (mode.equals("slirp4netns")) {
                assertEquals("10.0.2.100", podIP);
                assertNotEquals(podIP, hostIP);
            } else {
                assertEquals(hostIP, podIP, "the pod has the host's address");
            }
            Jpod.Result down = jpod.run("kube", "down", file.toString());
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run("pod", "rm", "-f", name); // without an assertion: the first failure counts
        }
    }

    private static String exec(Jpod jpod, String ctr, String script) throws Exception {
        Jpod.Result r = jpod.run("exec", ctr, "sh", "-c", script);
        assertEquals(0, r.exitCode(), r.all());
        return r.out().strip();
    }

    /** The IPv4 address of the interface with the default route, as seen from the host. */
    private static String hostAddress() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
            String[] f = line.strip().split("\\s+");
            if (!f[1].equals("00000000")) {
                continue;
            }
            String iface = f[0];
            for (InetAddress a :
                    Collections.list(NetworkInterface.getByName(iface).getInetAddresses())) {
                if (a instanceof Inet4Address) {
                    return a.getHostAddress();
                }
            }
        }
        return "127.0.0.1";
    }
}
