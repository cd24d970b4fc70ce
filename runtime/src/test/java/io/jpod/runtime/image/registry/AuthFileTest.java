package io.jpod.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class AuthFileTest {

    @TempDir Path dir;

    @Test
    void filesAreSearchedInPodmansOrder() {
        assertEquals(
                List.of(
                        Path.of("/x/auth.json"),
                        Path.of("/run/user/7/containers/auth.json"),
                        Path.of("/home/u/.config/containers/auth.json"),
                        Path.of("/home/u/.docker/config.json")),
                AuthFile.searchPath(
                        Map.of(
                                "REGISTRY_AUTH_FILE", "/x/auth.json",
                                "XDG_RUNTIME_DIR", "/run/user/7",
                                "HOME", "/home/u")));
        assertEquals(
                Path.of("/home/u/.config/containers/auth.json"),
                AuthFile.defaultFile(Map.of("HOME", "/home/u")));
    }

    @Test
    void storedCredentialsAreFoundWrittenForTheOwnerOnlyAndRemoved() throws Exception {
        Path file = dir.resolve("containers/auth.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"auths\":{\"other.example\":{\"auth\":\"eDp5\"}},\"keep\":1}");
        AuthFile.store(file, "reg.example:5000", new Credentials("me", "p:w"));

        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains("p:w"));
        assertTrue(Files.readString(file).contains("\"keep\""));
        assertEquals(
                Optional.of(new Credentials("me", "p:w")),
                AuthFile.lookup(List.of(dir.resolve("none.json"), file), "reg.example:5000"));
        assertEquals(
                Optional.of(new Credentials("x", "y")),
                AuthFile.lookup(List.of(file), "other.example"));

        assertTrue(AuthFile.remove(file, "reg.example:5000"));
        assertFalse(AuthFile.remove(file, "reg.example:5000"));
        assertTrue(AuthFile.removeAll(file));
        assertEquals(Optional.empty(), AuthFile.lookup(List.of(file), "other.example"));
    }

    @Test
    void dockerStyleKeysNameTheirHost() {
        assertEquals("docker.io", AuthFile.hostOf("https://index.docker.io/v1/"));
        assertEquals("quay.io", AuthFile.hostOf("quay.io/org"));
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertFalse(new Credentials("me", "s3cret").toString().contains("s3cret"));
    }
}
