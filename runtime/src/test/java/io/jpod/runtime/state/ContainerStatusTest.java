package io.jpod.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

class ContainerStatusTest {

    @TempDir Path exits;

    private static final Instant STARTED = Instant.parse("2024-05-01T10:00:00Z");

    private static ContainerRecord withPid(long pid, long startTime) {
        return Records.container("c".repeat(64), "web-app").started(1, pid, startTime, STARTED);
    }

    @Test
    void exitFileMeansExitedWithItsCodeAndMtime() throws Exception {
        ContainerRecord c =
                withPid(
                        ProcessHandle.current().pid(),
                        ProcInfo.startTime(ProcessHandle.current().pid()).orElseThrow());
        Path exit = exits.resolve(c.id());
        Files.writeString(exit, "137\n");
        Instant written = Instant.parse("2024-05-01T10:05:00Z");
        Files.setLastModifiedTime(exit, FileTime.from(written));
        // the exit file wins even over a live pid: conmon writes it only once the container has
        // gone
        assertEquals(
                new ContainerStatus("exited", false, 137, written), ContainerStatus.of(c, exits));
    }

    @Test
    void livePidWithItsStartTimeIsRunning() {
        long self = ProcessHandle.current().pid();
        ContainerRecord c = withPid(self, ProcInfo.startTime(self).orElseThrow());
        assertEquals(new ContainerStatus("running", true, 0, null), ContainerStatus.of(c, exits));
    }

    @Test
    void reusedPidWithAnotherStartTimeIsNotRunning() {
        long self = ProcessHandle.current().pid();
        ContainerRecord c = withPid(self, ProcInfo.startTime(self).orElseThrow() + 1);
        ContainerStatus s = ContainerStatus.of(c, exits);
        assertEquals("exited", s.status());
        assertEquals(false, s.running());
    }

    @Test
    void anEndedProcessIsRunningUntilItsMonitorWritesTheExitCode() throws Exception {
        RecordingProcesses host = new RecordingProcesses();
        String id = "c".repeat(64);
        long conmon = host.started("/usr/bin/conmon --cid " + id);
        long workload = host.started("sleep 1000");
        ContainerRecord c = Records.container(id, "web-app").started(conmon, workload, 0, STARTED);
        assertEquals(
                new ContainerStatus("running", true, 0, null), ContainerStatus.of(c, exits, host));
        host.exited(workload);
        // conmon has yet to reap it and write the file: the code is not known
        assertEquals(
                new ContainerStatus("running", true, 0, null), ContainerStatus.of(c, exits, host));
        Files.writeString(exits.resolve(id), "3");
        assertEquals(3, ContainerStatus.of(c, exits, host).exitCode());
        Files.delete(exits.resolve(id));
        // a monitor gone without writing it (killed): exited, with no code
        host.exited(conmon);
        assertEquals(
                new ContainerStatus("exited", false, -1, null), ContainerStatus.of(c, exits, host));
    }

    @Test
    void neverStartedIsCreated() {
        ContainerRecord c = Records.container("c".repeat(64), "web-app");
        assertEquals(new ContainerStatus("created", false, 0, null), ContainerStatus.of(c, exits));
    }
}
