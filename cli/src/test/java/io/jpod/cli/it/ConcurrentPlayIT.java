package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many jpod processes at once, with no daemon between them, keep the state whole. */
class ConcurrentPlayIT {

    private static final int PODS = 4;

    @Test
    void parallelPlaysListsAndDownsAgree() throws Exception {
        Jpod jpod = Jpod.get();
        List<String> manifests = new ArrayList<>();
        for (int i = 0; i < PODS; i++) {
            Path file = jpod.stage().resolve("it/concurrent-" + i + ".yaml");
            Files.writeString(
                    file,
                    """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: busy%d
                    spec:
                      terminationGracePeriodSeconds: 1
                      containers:
                        - name: app
                          image: localhost/jpod-busybox:latest
                          command: ["sleep", "1000"]
                    """
                            .formatted(i));
            new ProcessBuilder("chmod", "644", file.toString()).start().waitFor();
            manifests.add(file.toString());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(PODS + 1)) {
            List<Future<Jpod.Result>> plays = new ArrayList<>();
            for (String m : manifests) {
                plays.add(pool.submit(() -> jpod.run("play", "kube", m)));
            }
            Future<Jpod.Result> listing = pool.submit(() -> jpod.run("ps", "-a"));
            for (Future<Jpod.Result> f : plays) {
                assertEquals(0, f.get().exitCode(), f.get().all());
            }
            assertEquals(0, listing.get().exitCode(), listing.get().all());
            String pods = jpod.run("pod", "ps").out();
            for (int i = 0; i < PODS; i++) {
                assertTrue(pods.contains("busy" + i), pods);
            }
            assertEquals(PODS, jpod.run("pod", "ps", "-q").out().lines().count());
            List<Future<Jpod.Result>> downs = new ArrayList<>();
            for (String m : manifests) {
                downs.add(pool.submit(() -> jpod.run("kube", "down", m)));
            }
            for (Future<Jpod.Result> f : downs) {
                assertEquals(0, f.get().exitCode(), f.get().all());
            }
        }
        assertEquals("", jpod.run("pod", "ps", "-q").out());
        assertEquals(List.of(), Processes.podProcessesAfterSettling(jpod));
        assertEquals(List.of(), Processes.podMounts(jpod));
    }
}
