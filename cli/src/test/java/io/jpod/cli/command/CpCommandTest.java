package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How cp tells CONTAINER:PATH from a host path, as podman does. */
class CpCommandTest {

    @Test
    void containerPathsAndHostPaths() {
        assertArrayEquals(
                new String[] {"web-app", "/etc/hosts"}, CpCommand.split("web-app:/etc/hosts"));
        assertArrayEquals(new String[] {"web-app", "/"}, CpCommand.split("web-app:"));
        assertNull(CpCommand.split("./a:b"));
        assertNull(CpCommand.split("/tmp/a:b"));
        assertNull(CpCommand.split("file.txt"));
        assertNull(CpCommand.split("-"));
    }
}
