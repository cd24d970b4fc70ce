package io.jpod.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.sys.ExecResult;
import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

class OciRuntimeTest {

    private final RecordingProcesses processes = new RecordingProcesses();
    private final OciRuntime runc =
            new OciRuntime("runc", Path.of("/usr/bin/runc"), Path.of("/run/jpod/runc"), processes);

    @Test
    void everyVerbCarriesRoot() throws Exception {
        runc.start("c1");
        runc.kill("c1", "SIGTERM");
        runc.delete("c1");
        assertEquals(
                List.of(
                        List.of("/usr/bin/runc", "--root", "/run/jpod/runc", "start", "c1"),
                        List.of(
                                "/usr/bin/runc",
                                "--root",
                                "/run/jpod/runc",
                                "kill",
                                "c1",
                                "SIGTERM"),
                        List.of(
                                "/usr/bin/runc",
                                "--root",
                                "/run/jpod/runc",
                                "delete",
                                "--force",
                                "c1")),
                processes.calls());
    }

    @Test
    void startFailureCarriesTheRuntimesMessage() {
        processes.fail(
                List.of("runc", "--root", "/run/jpod/runc", "start"),
                1,
                "cannot start an already running container");
        IOException e = assertThrows(IOException.class, () -> runc.start("c1"));
        assertTrue(
                e.getMessage().contains("cannot start an already running container"),
                e.getMessage());
    }

    @Test
    void killReportsWhetherTheContainerWasThere() throws Exception {
        assertTrue(runc.kill("c1", "SIGKILL"));
        processes.fail("runc", 1, "container not running");
        assertFalse(runc.kill("c1", "SIGKILL"));
    }

    @Test
    void deleteToleratesAnUnknownContainer() throws Exception {
        processes.fail("runc", 1, "container c1 does not exist");
        runc.delete("c1");
        processes.fail("crun", 1, "error: container `c1` not found");
        new OciRuntime("crun", Path.of("/usr/bin/crun"), Path.of("/r"), processes).delete("c1");
    }

    @Test
    void deleteReportsOtherFailures() {
        processes.answer("runc", new ExecResult(1, "", "permission denied"));
        IOException e = assertThrows(IOException.class, () -> runc.delete("c1"));
        assertEquals("runc delete c1: permission denied", e.getMessage());
    }

    @Test
    void execArgvPutsOptionsBeforeTheIdAndTheCommandLast() {
        assertEquals(
                List.of(
                        "/usr/bin/runc",
                        "--root",
                        "/run/jpod/runc",
                        "exec",
                        "--tty",
                        "--env",
                        "A=1",
                        "--env",
                        "B=2",
                        "--cwd",
                        "/srv",
                        "c1",
                        "sh",
                        "-c",
                        "echo $A"),
                runc.execArgv(
                        "c1", true, List.of("A=1", "B=2"), "/srv", List.of("sh", "-c", "echo $A")));
        assertEquals(
                List.of("/usr/bin/runc", "--root", "/run/jpod/runc", "exec", "c1", "ls"),
                runc.execArgv("c1", false, List.of(), "", List.of("ls")));
        assertTrue(processes.calls().isEmpty(), "execArgv only builds the command line");
    }
}
