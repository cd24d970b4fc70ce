package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Init containers, the Kubernetes way: in order, each to a successful exit, before the app
 * containers.
 */
class InitContainersIT {

    @Test
    void initContainersRunInOrderBeforeTheApp() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/init.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        try {
            assertEquals(0, played.exitCode(), played.all());
            String order = "";
            for (int i = 0; i < 50 && !order.contains("app"); i++) {
                Thread.sleep(100);
                order = jpod.run("exec", "initdemo-app", "cat", "/work/order").out();
            }
            assertEquals("first\nsecond\napp\n", order);
            assertTrue(
                    jpod.run("ps", "-a").out().contains("Exited (0)"),
                    "init containers show as completed");
            assertTrue(
                    jpod.run("pod", "ps").out().contains("Running"),
                    "finished init containers do not degrade the pod");
            Jpod.Result down = jpod.run("kube", "down", manifest);
            assertEquals(0, down.exitCode(), down.all());
        } finally {
            jpod.run(
                    "pod", "rm", "-f",
                    "-a"); // without an assertion, so that the first failure is the one reported
        }
        assertEquals("", jpod.run("ps", "-a", "-q").out());
    }

    @Test
    void failingInitContainerFailsThePlayAndLeavesNothing() throws Exception {
        Jpod jpod = Jpod.get();
        Jpod.Result played =
                jpod.run("play", "kube", jpod.stage().resolve("it/init-fails.yaml").toString());
        assertEquals(125, played.exitCode(), played.all());
        assertTrue(
                played.err().contains("init container broken of pod initfails exited with code 3"),
                played.err());
        assertEquals("", jpod.run("pod", "ps", "-q").out());
        assertEquals("", jpod.run("ps", "-a", "-q").out());
    }
}
