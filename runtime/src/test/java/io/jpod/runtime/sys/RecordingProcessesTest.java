package io.jpod.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/** The fake itself: the other tests rely on its matching rules. */
class RecordingProcessesTest {

    @Test
    void longestPrefixWinsAndProgramMatchesByFileName() throws Exception {
        RecordingProcesses p =
                new RecordingProcesses()
                        .answer("umount", new ExecResult(0, "plain", ""))
                        .fail(List.of("umount", "-l"), 32, "busy");
        assertEquals("plain", p.run(List.of("/usr/bin/umount", "/x")).stdout());
        assertEquals(32, p.run(List.of("umount", "-l", "/x")).exitCode());
        assertEquals(0, p.run(List.of("mount", "/x")).exitCode(), "unscripted programs succeed");
        assertEquals(
                List.of(List.of("/usr/bin/umount", "/x"), List.of("umount", "-l", "/x")),
                p.calls("umount"));
        assertEquals(3, p.calls().size());
    }

    @Test
    void checkThrowsWithTheProgramsErrorText() {
        RecordingProcesses p =
                new RecordingProcesses().fail("runc", 1, "container does not exist\n");
        IOException e =
                assertThrows(IOException.class, () -> p.check(List.of("runc", "start", "x")));
        assertTrue(
                e.getMessage().contains("exit 1")
                        && e.getMessage().endsWith("container does not exist"),
                e.getMessage());
    }

    @Test
    void spawnRecordsTheBuilderAndRefusesUnscriptedPrograms() throws Exception {
        RecordingProcesses p =
                new RecordingProcesses()
                        .onSpawn(
                                List.of("sh"),
                                argv -> new RecordingProcesses.FakeProcess(42, "1", 0));
        Process proc = p.spawn(new ProcessBuilder("sh", "-c", "true"));
        assertEquals(42, proc.pid());
        assertEquals('1', proc.getInputStream().read());
        assertEquals(List.of("sh", "-c", "true"), p.spawned().getFirst().command());
        assertThrows(IOException.class, () -> p.spawn(new ProcessBuilder("conmon")));
    }
}
