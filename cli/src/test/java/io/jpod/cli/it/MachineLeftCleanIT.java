package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs after every other integration test (see junit-platform.properties): whatever the tests
 * tried, the test user is left with no pod, no process in jpod's namespaces, no mount, no netns
 * file and no listening port.
 */
@Order(Integer.MAX_VALUE)
class MachineLeftCleanIT {

    @Test
    void nothingOfTheTestUserIsLeft() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result pods = jpod.run("pod", "ps", "-q");
        assertEquals("", pods.out().strip(), "pods left: " + pods.all());
        assertEquals(List.of(), Processes.podProcessesAfterSettling(jpod));
        assertEquals(List.of(), Processes.podMounts(jpod));
        assertEquals(List.of(), netnsFiles(jpod.runDir().resolve("netns")));
        assertEquals(List.of(), listeningPorts(jpod.uid()));
    }

    private static List<String> netnsFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).toList();
        }
    }

    /** TCP sockets in LISTEN (state 0A) that the user owns, from /proc/net/tcp and tcp6. */
    private static List<String> listeningPorts(long uid) throws IOException {
        List<String> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 7 && f[3].equals("0A") && Long.parseLong(f[7]) == uid) {
                    String local = f[1];
                    found.add(
                            table
                                    + " port "
                                    + Integer.parseInt(
                                            local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return found;
    }
}
