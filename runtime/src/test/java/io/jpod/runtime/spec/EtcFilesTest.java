package io.jpod.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.oci.BundleSpec.Mount;

import org.junit.jupiter.api.Test;

import java.util.List;

class EtcFilesTest {

    private static List<String> destinations(boolean noHosts) {
        PodInput pod =
                new PodInput(
                        "web",
                        null,
                        false,
                        "/pods/p1",
                        List.of(),
                        null,
                        noHosts,
                        List.of(),
                        java.util.Map.of(),
                        false,
                        false,
                        null,
                        null);
        return EtcFiles.mounts(pod).stream().map(Mount::destination).toList();
    }

    @Test
    void everyContainerBindsThePodsEtcFilesButHostsWithNoHosts() {
        assertEquals(
                List.of("/etc/hosts", "/etc/resolv.conf", "/etc/hostname"), destinations(false));
        assertEquals(List.of("/etc/resolv.conf", "/etc/hostname"), destinations(true));
    }
}
