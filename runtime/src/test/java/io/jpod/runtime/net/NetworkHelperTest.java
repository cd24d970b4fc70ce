package io.jpod.runtime.net;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jpod.runtime.sys.HostProcesses;
import io.jpod.runtime.sys.ProcInfo;
import io.jpod.runtime.sys.Processes;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

class NetworkHelperTest {

    private static final Processes HOST = new HostProcesses();

    private static Process start(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).start();
        // let the shell set its trap before it is signalled
        p.getInputStream().read();
        return p;
    }

    @Test
    void aHelperIsGoneWhenStopReturns() throws Exception {
        Process p = start("echo; exec sleep 100");
        long started = ProcInfo.startTime(p.pid()).orElseThrow();
        NetworkHelper.stop(HOST, p.pid(), started, 5_000);
        p.waitFor(5, TimeUnit.SECONDS);
        assertFalse(ProcInfo.alive(p.pid(), started));
    }

    @Test
    void oneThatIgnoresSigtermIsKilled() throws Exception {
        Process p = start("trap '' TERM; echo; while :; do sleep 0.05; done");
        long started = ProcInfo.startTime(p.pid()).orElseThrow();
        NetworkHelper.stop(HOST, p.pid(), started, 300);
        p.waitFor(5, TimeUnit.SECONDS);
        assertFalse(ProcInfo.alive(p.pid(), started));
    }

    @Test
    void aHelperAlreadyGoneOrNeverRecordedIsFine() throws Exception {
        NetworkHelper.stop(HOST, 0, 0);
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        NetworkHelper.stop(HOST, p.pid(), 1);
    }
}
