package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * A {@code kill -9} of jpod in the middle of a play leaves a half-made pod; the next command that
 * changes state finds it (its owner no longer holds the state lock) and tears it down.
 */
class KilledPlayIT {

    @Test
    void halfPlayedPodIsRepairedByTheNextCommand() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("samples/web.yaml").toString();
        for (long delayMillis : List.of(900L, 1300L)) {
            Process play = jpod.start(List.of("play", "kube", manifest));
            Thread.sleep(delayMillis);
            // the whole process group: the launcher JVM and the one re-executed in the user
            // namespace
            new ProcessBuilder("kill", "-9", "--", "-" + play.pid()).start().waitFor();
            play.waitFor();
            Jpod.Result rm = jpod.run("pod", "rm", "-a", "-f");
            assertEquals(0, rm.exitCode(), rm.all());
            assertEquals("", jpod.run("pod", "ps", "-q").out());
            assertEquals("", jpod.run("ps", "-a", "-q").out());
            assertFalse(
                    Processes.anyCommandLineContains(
                            jpod.dataDir().resolve("containers").toString()),
                    "a conmon of the killed play survived");
            assertFalse(
                    Processes.anyCommandLineContains(jpod.runDir().resolve("netns").toString()),
                    "a network helper of the killed play survived");
        }
    }
}
