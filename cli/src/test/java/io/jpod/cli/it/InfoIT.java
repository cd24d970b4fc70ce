package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code jpod info} says how jpod runs here: rootless, which OCI runtime and why, cgroups, network,
 * storage.
 */
class InfoIT {

    @Test
    void infoExplainsTheHostChoices() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result info = jpod.run("info");
        assertEquals(0, info.exitCode(), info.all());
        String out = info.out();
        assertTrue(out.contains("rootless: true"), out);
        assertTrue(out.contains("networkBackend: slirp4netns"), out);
        assertTrue(out.contains("graphDriverName: overlay"), out);
        assertTrue(out.contains("graphRoot: " + jpod.dataDir()), out);
        boolean unified = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        if (unified) {
            assertTrue(out.contains("cgroupVersion: v2"), out);
        } else {
            // crun refuses cgroup v1 hosts: runc is chosen, and info says why
            assertTrue(out.contains("ociRuntime: runc"), out);
            assertTrue(out.contains("ociRuntimeReason: crun refuses cgroup v1"), out);
            // and why the containers' resource limits are dropped here
            assertTrue(
                    out.contains("resourceLimits: not applied: cgroup v1")
                            && out.contains("no delegated cgroup controllers"),
                    out);
        }
    }

    @Test
    void infoReportsTheHelpersJpodWouldUseHere() throws Exception {
        Jpod jpod = Jpod.get();
        Path conmon = jpod.stage().resolve("bin/conmon");
        Files.createDirectories(conmon.getParent());
        Files.deleteIfExists(conmon);
        Files.createSymbolicLink(conmon, Path.of("/usr/bin/conmon"));
        Jpod.Result info =
                jpod.script(
                        List.of(
                                "env",
                                "JPOD_NETWORK=pasta",
                                "JPOD_CONMON=" + conmon,
                                jpod.stage().resolve("jpod").toString(),
                                "info"));
        assertEquals(0, info.exitCode(), info.all());
        String out = info.out();
        assertTrue(out.contains("networkBackend: pasta (set by JPOD_NETWORK)"), out);
        assertTrue(out.contains("conmon: " + conmon + " (conmon version"), out);
        assertTrue(out.contains("catatonit: /"), out);
        assertTrue(out.contains("slirp4netns: /"), out);
    }
}
