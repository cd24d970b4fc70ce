package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A persistentVolumeClaim is a named volume: its data survives the pod, and {@code volume rm}
 * removes it.
 */
class VolumeIT {

    @Test
    void claimDataOutlivesThePod() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/claim.yaml").toString();
        for (int run = 1; run <= 2; run++) {
            Jpod.Result played = jpod.run("play", "kube", manifest);
            assertEquals(0, played.exitCode(), played.all());
            String runs = "";
            for (int i = 0; i < 50 && runs.lines().count() < run; i++) {
                Thread.sleep(100);
                runs = jpod.run("exec", "counter-app", "cat", "/data/runs").out();
            }
            assertEquals("run\n".repeat(run), runs);
            Jpod.Result busy = jpod.run("volume", "rm", "counter-data");
            assertEquals(125, busy.exitCode(), "a volume in use is not removed");
            assertTrue(busy.err().contains("counter-app"), busy.err());
            assertEquals(0, jpod.run("kube", "down", manifest).exitCode());
        }
        assertTrue(jpod.run("volume", "ls").out().contains("counter-data"));
        assertEquals(0, jpod.run("volume", "rm", "counter-data").exitCode());
        assertEquals("", jpod.run("volume", "ls", "-q").out());
    }
}
