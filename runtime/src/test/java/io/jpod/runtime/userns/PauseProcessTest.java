package io.jpod.runtime.userns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.host.Catatonit;
import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** Only {@link PauseProcess#running()}: starting one needs unshare and a real user namespace. */
class PauseProcessTest {

    @TempDir Path dir;

    private PauseProcess pause(RecordingProcesses processes) {
        return new PauseProcess(
                new HostLayout(true, 1000, dir.resolve("data"), dir.resolve("run"), false),
                processes,
                new Catatonit(Path.of("/usr/bin/catatonit")));
    }

    @Test
    void noPidFileMeansNoneRunning() throws Exception {
        assertEquals(0, pause(new RecordingProcesses()).running());
    }

    @Test
    void aLiveProcessThatIsNotMappedDoesNotCount() throws Exception {
        // this JVM is alive with the recorded start time, but its user namespace has the one
        // identity line
        long self = ProcessHandle.current().pid();
        long started = ProcInfo.startTime(self).orElseThrow();
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/pause.pid"), self + " " + started);
        long lines = Files.readString(Path.of("/proc/self/uid_map")).strip().lines().count();
        assertEquals(lines > 1 ? self : 0, pause(new RecordingProcesses()).running());
    }

    @Test
    void aReusedPidIsNotThePauseProcess() throws Exception {
        long self = ProcessHandle.current().pid();
        long started = ProcInfo.startTime(self).orElseThrow();
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/pause.pid"), self + " " + (started + 1));
        assertEquals(0, pause(new RecordingProcesses()).running());
    }

    @Test
    void aMalformedPidFileMeansNoneRunning() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        RecordingProcesses processes = new RecordingProcesses();
        for (String content : new String[] {"", "123", "1 2 3", "abc def"}) {
            Files.writeString(dir.resolve("run/pause.pid"), content);
            assertEquals(0, pause(processes).running(), "pid file: '" + content + "'");
        }
        assertTrue(processes.calls().isEmpty());
    }
}
