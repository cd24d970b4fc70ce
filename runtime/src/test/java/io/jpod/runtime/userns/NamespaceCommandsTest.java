package io.jpod.runtime.userns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class NamespaceCommandsTest {

    @Test
    void thePauseProcessGetsPrivateMountsInItsOwnUserNamespace() {
        assertEquals(
                List.of(
                        "unshare",
                        "--user",
                        "--mount",
                        "--propagation",
                        "private",
                        "/usr/bin/catatonit",
                        "-P"),
                NamespaceCommands.unshareUserAndMount(List.of("/usr/bin/catatonit", "-P")));
    }

    @Test
    void aNetworkNamespaceIsBoundToItsFile() {
        assertEquals(
                List.of("unshare", "--net=/run/jpod/netns/p", "true"),
                NamespaceCommands.unshareNetworkBoundTo(Path.of("/run/jpod/netns/p")));
    }

    @Test
    void enteringKeepsTheWorkingDirectory() {
        assertEquals(
                List.of("nsenter", "-U", "-m", "-t", "42", "--wd=/home/a", "--", "java", "-jar"),
                NamespaceCommands.enterUserAndMount(
                        42, Path.of("/home/a"), List.of("java", "-jar")));
    }
}
