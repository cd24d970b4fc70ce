package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.sys.ProcInfo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

/** The sweep's look at the host's processes, against real processes. */
class LeftoverSweepTest {

    @Test
    void onlyProcessesThatNameAJpodDirectoryAreSeen() throws Exception {
        String dir = "/tmp/jpod-sweep-" + UUID.randomUUID() + "/containers/";
        // $0 of the shell names the directory, as conmon's arguments name a bundle
        Process child = new ProcessBuilder("sh", "-c", "sleep 30", dir + "é").start();
        try {
            List<Leftovers.Seen.Proc> seen = LeftoverSweep.processes(List.of(dir));
            assertEquals(1, seen.size(), seen.toString());
            Leftovers.Seen.Proc p = seen.getFirst();
            assertEquals(child.pid(), p.pid());
            assertEquals(ProcInfo.startTime(child.pid()).orElseThrow(), p.startTime());
            assertEquals(List.of("sh", "-c", "sleep 30", dir + "é"), p.argv());
            assertTrue(LeftoverSweep.processes(List.of(dir + "x")).isEmpty());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }
}
