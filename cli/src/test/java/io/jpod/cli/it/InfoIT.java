package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

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
        }
    }
}
