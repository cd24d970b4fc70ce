package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

/** A play that cannot succeed says why, exits 125, and leaves nothing behind. */
class FailedPlayIT {

    @Test
    void missingImageIsNamedAndNothingIsCreated() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result r =
                jpod.run("play", "kube", jpod.stage().resolve("it/missing-image.yaml").toString());
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("example.org/no/such-image:1.0"), r.err());
        assertEquals("", jpod.run("pod", "ps", "-q").out());
        assertEquals("", jpod.run("ps", "-a", "-q").out());
        var containers = jpod.dataDir().resolve("containers");
        if (Files.isDirectory(containers)) {
            try (var left = Files.list(containers)) {
                assertEquals(0, left.count(), "container directories left behind");
            }
        }
    }

    @Test
    void aFileWithNothingToRunIsAnError() throws Exception {
        Jpod jpod = Jpod.get();
        String file = jpod.stage().resolve("it/configmap-only.yaml").toString();
        Jpod.Result r = jpod.run("play", "kube", file);
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(
                r.err().contains(file + ": no Pod, Deployment, DaemonSet or Job to play"), r.err());
        assertEquals("", jpod.run("pod", "ps", "-q").out());
    }
}
