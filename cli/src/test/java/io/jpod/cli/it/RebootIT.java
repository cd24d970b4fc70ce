package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a reboot does to running pods: every process gone and the runtime directory (what lives in
 * {@code $XDG_RUNTIME_DIR}) wiped, the data directory kept. The next command shows the pods as
 * exited; {@code pod start} and a re-play bring them back with their volumes.
 */
class RebootIT {

    private static Jpod jpod;
    private static String claim;
    private static String quick;

    @BeforeAll
    static void play() throws Exception {
        jpod = Jpod.get();
        claim = jpod.stage().resolve("it/claim.yaml").toString();
        quick = jpod.stage().resolve("it/quick.yaml").toString();
        for (String manifest : List.of(claim, quick)) {
            Jpod.Result played = jpod.run("play", "kube", manifest);
            assertEquals(0, played.exitCode(), played.all());
        }
        assertEquals("run\n", runs(1));
    }

    @AfterAll
    static void down() throws Exception {
        jpod.run("kube", "down", quick);
        jpod.run("kube", "down", claim);
        jpod.run("volume", "rm", "counter-data");
    }

    @Test
    void podsComeBackAfterTheRuntimeDirectoryIsWiped() throws Exception {
        reboot();

        Jpod.Result ps = jpod.run("pod", "ps", "--format", "{{.Name}} {{.Status}}");
        assertEquals(0, ps.exitCode(), ps.all());
        assertTrue(ps.out().contains("counter Exited"), ps.all());
        assertTrue(ps.out().contains("quick Exited"), ps.all());

        Jpod.Result started = jpod.run("pod", "start", "counter");
        assertEquals(0, started.exitCode(), started.all());
        assertEquals("run\nrun\n", runs(2), "the claim's data survived");
        Jpod.Result replayed = jpod.run("play", "kube", "--replace", quick);
        assertEquals(0, replayed.exitCode(), replayed.all());
        Jpod.Result exec = jpod.run("exec", "quick-app", "true");
        assertEquals(0, exec.exitCode(), exec.all());

        for (String manifest : List.of(quick, claim)) {
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        }
        assertEquals(List.of(), Processes.podProcessesAfterSettling(jpod));
        assertEquals(List.of(), Processes.podMounts(jpod));
    }

    private static String runs(int expected) throws Exception {
        String runs = "";
        for (int i = 0; i < 100 && runs.lines().count() < expected; i++) {
            Thread.sleep(100);
            runs = jpod.run("exec", "counter-app", "cat", "/data/runs").out();
        }
        return runs;
    }

    /** Kills every process of the test's pods and its pause process, then empties the run dir. */
    private static void reboot() throws Exception {
        List<String> pids = new ArrayList<>();
        for (String line : Processes.podProcesses(jpod)) {
            pids.add(line.split(" ")[0]);
        }
        pids.add(Files.readString(jpod.runDir().resolve("pause.pid")).strip().split(" ")[0]);
        List<String> kill = new ArrayList<>(List.of("kill", "-9"));
        kill.addAll(pids);
        Process p = new ProcessBuilder(kill).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        for (String pid : pids) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Processes.running(Long.parseLong(pid)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        Path run = jpod.runDir();
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(run)) {
                    Files.delete(path);
                }
            }
        }
    }
}
