package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class PodFilesTest {

    @TempDir Path podDir;

    @Test
    void hostsNamesThePodAndItsAliases() throws Exception {
        PodFiles.write(
                podDir,
                Plans.plan(
                        "web",
                        "web",
                        List.of(
                                new PodPlan.HostEntry("10.0.0.5", List.of("db", "db.local")),
                                new PodPlan.HostEntry("10.0.0.6", List.of("cache"))),
                        List.of(),
                        List.of(),
                        List.of()));
        assertEquals(
                """
                127.0.0.1\tlocalhost localhost.localdomain
                ::1\tlocalhost localhost.localdomain ip6-localhost ip6-loopback
                10.0.2.100\tweb
                10.0.0.5\tdb db.local
                10.0.0.6\tcache
                """,
                Files.readString(podDir.resolve("hosts")));
        assertEquals("web\n", Files.readString(podDir.resolve("hostname")));
    }

    @Test
    void aHostnameOtherThanThePodNameKeepsBoth() throws Exception {
        PodFiles.write(
                podDir, Plans.plan("web", "frontend", List.of(), List.of(), List.of(), List.of()));
        assertEquals(
                "10.0.2.100\tfrontend web",
                Files.readString(podDir.resolve("hosts")).lines().toList().get(2));
        assertEquals("frontend\n", Files.readString(podDir.resolve("hostname")));
    }

    @Test
    void resolvConfDefaultsToSlirpsForwarder() throws Exception {
        PodFiles.write(
                podDir, Plans.plan("web", "web", List.of(), List.of(), List.of(), List.of()));
        assertEquals("nameserver 10.0.2.3\n", Files.readString(podDir.resolve("resolv.conf")));
    }

    @Test
    void dnsConfigReplacesTheDefault() throws Exception {
        PodFiles.write(
                podDir,
                Plans.plan(
                        "web",
                        "web",
                        List.of(),
                        List.of("1.1.1.1", "9.9.9.9"),
                        List.of("svc.local", "local"),
                        List.of()));
        assertEquals(
                "search svc.local local\nnameserver 1.1.1.1\nnameserver 9.9.9.9\n",
                Files.readString(podDir.resolve("resolv.conf")));
    }

    @Test
    void searchesAloneKeepTheDefaultServer() throws Exception {
        PodFiles.write(
                podDir,
                Plans.plan("web", "web", List.of(), List.of(), List.of("svc.local"), List.of()));
        assertEquals(
                "search svc.local\nnameserver 10.0.2.3\n",
                Files.readString(podDir.resolve("resolv.conf")));
    }
}
