package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/** system df, system prune and volume prune: they count and remove only what nothing uses. */
class SystemIT {

    @Test
    void dfCountsAndPruneRemovesOnlyWhatIsUnused() throws Exception {
        Jpod jpod = Jpod.get();
        try {
            ok(jpod.run("play", "kube", jpod.stage().resolve("it/claim.yaml").toString()));
            ok(jpod.run("play", "kube", jpod.stage().resolve("it/quick.yaml").toString()));
            ok(jpod.run("pod", "stop", "-t", "0", "quick"));
            ok(jpod.run("volume", "create", "spare"));
            ok(
                    jpod.run(
                            "exec",
                            "counter-app",
                            "sh",
                            "-c",
                            "head -c 300000 /dev/zero > /data/blob"));

            Jpod.Result df = jpod.run("system", "df");
            ok(df);
            List<String> lines = df.out().lines().toList();
            assertTrue(
                    lines.getFirst().matches("TYPE +TOTAL +ACTIVE +SIZE +RECLAIMABLE"), df.out());
            String[] images = columns(lines, "Images");
            assertTrue(
                    Integer.parseInt(images[1]) >= 1 && Integer.parseInt(images[2]) >= 1, df.out());
            assertTrue(images[3].matches("[0-9.]+[kMG]B"), df.out());
            String[] containers = columns(lines, "Containers");
            assertEquals("4", containers[1], df.out());
            assertEquals("2", containers[2], df.out());
            String[] volumes = columns(lines, "Local");
            assertEquals(
                    List.of("Local", "Volumes", "2", "1"), Arrays.asList(volumes).subList(0, 4));
            assertTrue(volumes[4].matches("30[0-9.]*kB"), df.out());
            assertTrue(volumes[5].startsWith("0B"), df.out());

            // no answer on stdin is no
            Jpod.Result asked = jpod.run("system", "prune");
            ok(asked);
            assertTrue(
                    asked.out().contains("Are you sure you want to continue? [y/N]"), asked.out());
            ok(jpod.run("pod", "inspect", "quick"));

            String quickId = jpod.run("pod", "ps", "-q", "--filter", "name=quick").out().strip();
            Jpod.Result pruned = jpod.run("system", "prune", "-f");
            ok(pruned);
            assertTrue(pruned.out().contains("Deleted Pods\n" + quickId), pruned.out());
            assertFalse(pruned.out().contains("Deleted Volumes"), pruned.out());
            assertEquals(125, jpod.run("pod", "inspect", "quick").exitCode());
            ok(jpod.run("pod", "inspect", "counter"));
            ok(jpod.run("image", "inspect", "localhost/jpod-busybox:latest"));

            Jpod.Result volumePrune = jpod.run("volume", "prune", "-f");
            ok(volumePrune);
            assertEquals("spare\n", volumePrune.out());
            assertEquals("counter-data\n", jpod.run("volume", "ls", "-q").out());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
            jpod.run("volume", "rm", "-f", "counter-data");
            jpod.run("volume", "rm", "-f", "spare");
        }
    }

    @Test
    void resetRemovesEveryPodImageAndVolume() throws Exception {
        Jpod jpod = Jpod.get();
        try {
            ok(jpod.run("play", "kube", jpod.stage().resolve("it/quick.yaml").toString()));
            ok(jpod.run("volume", "create", "kept"));
            Jpod.Result declined = jpod.run("system", "reset");
            ok(declined);
            ok(jpod.run("pod", "inspect", "quick"));

            ok(jpod.run("system", "reset", "-f"));
            assertEquals("", jpod.run("pod", "ps", "-q").out());
            assertEquals("", jpod.run("images", "-q").out());
            assertEquals("", jpod.run("volume", "ls", "-q").out());
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
            // the image every other test plays
            Jpod.Result built =
                    jpod.script(List.of(jpod.stage().resolve("samples/build-images").toString()));
            assertEquals(0, built.exitCode(), built.all());
        }
    }

    private static String[] columns(List<String> lines, String type) {
        return lines.stream()
                .filter(l -> l.startsWith(type))
                .findFirst()
                .orElseThrow()
                .split(" {2,}|(?<=Local) ");
    }

    private static void ok(Jpod.Result r) {
        assertEquals(0, r.exitCode(), r.all());
    }
}
