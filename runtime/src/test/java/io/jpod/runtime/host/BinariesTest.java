package io.jpod.runtime.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

class BinariesTest {

    @TempDir Path dir;

    @Test
    void theFirstExecutableOnThePathWinsAndPlainFilesAndDirectoriesDoNot() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        Files.writeString(a.resolve("tool"), "not executable");
        Files.createDirectories(b.resolve("tool"));
        Path real = Files.writeString(c.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = a + "::" + b + ":" + c;
        assertEquals(Optional.of(real), Binaries.find("tool", path));
        assertEquals(Optional.empty(), Binaries.find("other", path));
    }
}
