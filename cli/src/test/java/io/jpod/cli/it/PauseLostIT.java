package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pause process killed under a running pod (an OOM kill, a {@code pkill} in a clean-up script):
 * the next command re-enters jpod's namespaces through the pod's conmon and makes a new pause
 * process there, so the pod stays usable and goes away cleanly.
 */
class PauseLostIT {

    private static Jpod jpod;
    private static String manifest;

    @BeforeAll
    static void play() throws Exception {
        jpod = Jpod.get();
        manifest = jpod.stage().resolve("it/quick.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
    }

    @AfterAll
    static void down() throws Exception {
        jpod.run("kube", "down", manifest);
    }

    @Test
    void aRunningPodOutlivesItsPauseProcess() throws Exception {
        long before = pausePid();
        Path namespace = userNamespace(before);
        kill(before);

        Jpod.Result exec = jpod.run("exec", "quick-app", "echo", "still here");
        assertEquals(0, exec.exitCode(), exec.all());
        assertEquals("still here", exec.out().strip());
        long after = pausePid();
        assertNotEquals(before, after);
        assertEquals(namespace, userNamespace(after), "the new pause process holds the same one");

        Jpod.Result ps = jpod.run("pod", "ps", "--format", "{{.Name}} {{.Status}}");
        assertTrue(ps.out().contains("quick Running"), ps.all());
        Jpod.Result down = jpod.run("kube", "down", manifest);
        assertEquals(0, down.exitCode(), down.all());
        assertEquals(List.of(), Processes.podProcessesAfterSettling(jpod));
    }

    private static long pausePid() throws Exception {
        return Long.parseLong(
                Files.readString(jpod.runDir().resolve("pause.pid")).strip().split(" ")[0]);
    }

    private static Path userNamespace(long pid) throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/user"));
    }

    private static void kill(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Processes.running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!Processes.running(pid), "the pause process is gone");
    }
}
