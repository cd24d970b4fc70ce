package io.jpod.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.host.CgroupMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

class RuntimeChoiceTest {

    @TempDir Path dir;

    private Path bin(String dirName, String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(dirName));
        Path f = Files.writeString(d.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    private List<Path> dirs() {
        return List.of(dir.resolve("usr-bin"), dir.resolve("usr-local-bin"));
    }

    @Test
    void crunIsPreferredOnUnifiedCgroups() throws Exception {
        Path crun = bin("usr-bin", "crun");
        bin("usr-bin", "runc");
        RuntimeChoice c = RuntimeChoice.choose(CgroupMode.UNIFIED, null, dirs());
        assertEquals(new RuntimeChoice("crun", crun, "crun preferred on cgroup v2"), c);
    }

    @Test
    void runcOnHybridBecauseCrunRefusesIt() throws Exception {
        bin("usr-bin", "crun");
        Path runc = bin("usr-local-bin", "runc");
        RuntimeChoice c = RuntimeChoice.choose(CgroupMode.HYBRID, "", dirs());
        assertEquals("runc", c.name());
        assertEquals(runc, c.binary());
        assertTrue(c.reason().contains("crun refuses cgroup v1 (hybrid)"), c.reason());
    }

    @Test
    void whicheverIsInstalledOtherwise() throws Exception {
        Path runc = bin("usr-bin", "runc");
        assertEquals(
                new RuntimeChoice("runc", runc, "crun not installed"),
                RuntimeChoice.choose(CgroupMode.UNIFIED, null, dirs()));
        Files.delete(runc);
        Path crun = bin("usr-bin", "crun");
        RuntimeChoice c = RuntimeChoice.choose(CgroupMode.LEGACY, null, dirs());
        assertEquals(crun, c.binary());
        assertTrue(c.reason().startsWith("runc not installed"), c.reason());
    }

    @Test
    void aNonExecutableFileIsNotARuntime() throws Exception {
        Path runc = bin("usr-bin", "runc");
        Files.setPosixFilePermissions(runc, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> RuntimeChoice.choose(CgroupMode.UNIFIED, null, dirs()));
        assertTrue(e.getMessage().contains("install runc or crun"), e.getMessage());
    }

    @Test
    void overrideByNameOrPath() throws Exception {
        bin("usr-bin", "crun");
        Path runc = bin("usr-local-bin", "runc");
        assertEquals(
                new RuntimeChoice("runc", runc, "set by JPOD_RUNTIME"),
                RuntimeChoice.choose(CgroupMode.UNIFIED, "runc", dirs()));
        Path custom = bin("opt", "my-runtime");
        assertEquals(
                new RuntimeChoice("my-runtime", custom, "set by JPOD_RUNTIME"),
                RuntimeChoice.choose(CgroupMode.UNIFIED, custom.toString(), List.of()));
    }

    @Test
    void overrideThatDoesNotExistIsRefusedUpFront() {
        IllegalStateException byName =
                assertThrows(
                        IllegalStateException.class,
                        () -> RuntimeChoice.choose(CgroupMode.UNIFIED, "youki", dirs()));
        assertTrue(
                byName.getMessage().contains("youki (JPOD_RUNTIME) not found"),
                byName.getMessage());
        // a path is checked too, not handed to conmon to fail on later
        String missing = dir.resolve("nowhere/runc").toString();
        IllegalStateException byPath =
                assertThrows(
                        IllegalStateException.class,
                        () -> RuntimeChoice.choose(CgroupMode.UNIFIED, missing, dirs()));
        assertTrue(byPath.getMessage().contains(missing), byPath.getMessage());
    }
}
