package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A container's conmon killed: the container is reported as it is (its process still runs), its log
 * still reads, and {@code pod rm -f} removes it with its mounts and the runtime's state.
 */
class ConmonLostIT {

    private static Jpod jpod;
    private static String manifest;

    @BeforeAll
    static void play() throws Exception {
        jpod = Jpod.get();
        manifest = jpod.stage().resolve("it/conmon-lost.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
    }

    @AfterAll
    static void down() throws Exception {
        jpod.run("kube", "down", manifest);
    }

    @Test
    void aContainerWithoutItsMonitorIsReportedAndRemovedCleanly() throws Exception {
        String logged = "";
        for (int i = 0; i < 100 && !logged.contains("written"); i++) {
            logged = jpod.run("logs", "conmon-lost-app").out();
            Thread.sleep(50);
        }
        long conmon =
                Long.parseLong(
                        jpod.run("inspect", "-f", "{{.State.ConmonPid}}", "conmon-lost-app")
                                .out()
                                .strip());
        long pid =
                Long.parseLong(
                        jpod.run("inspect", "-f", "{{.State.Pid}}", "conmon-lost-app")
                                .out()
                                .strip());
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(conmon)).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        while (Processes.running(conmon)) {
            Thread.sleep(20);
        }

        Jpod.Result ps = jpod.run("ps", "--format", "{{.Names}} {{.State}}");
        assertTrue(ps.out().contains("conmon-lost-app running"), ps.all());
        assertTrue(Processes.running(pid), "the container's process outlives its monitor");
        Jpod.Result logs = jpod.run("logs", "conmon-lost-app");
        assertEquals(0, logs.exitCode(), logs.all());
        assertTrue(logs.out().contains("written before"), logs.all());

        Jpod.Result rm = jpod.run("pod", "rm", "-f", "conmon-lost");
        assertEquals(0, rm.exitCode(), rm.all());
        assertEquals(List.of(), Processes.podProcessesAfterSettling(jpod));
        assertEquals(List.of(), Processes.podMounts(jpod));
        Jpod.Result state = jpod.script(List.of("sh", "-c", "ls " + jpod.runDir() + "/runc"));
        assertEquals("", state.out().strip(), "runc keeps no state of the pod's containers");
    }
}
