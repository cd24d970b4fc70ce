package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A store that is full, read-only or someone else's: each fails with a clear word naming jpod's
 * store, leaves no partial layer, image or pod, and the next command after the fault is gone works.
 * The small tmpfs is mounted, as root, in the mount namespace of jpod's pause process, where jpod's
 * mounts live (one mounted on the host after that namespace was made would not show there).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullStoreIT {

    private static final Set<String> KEPT = Set.of("images.lock", "images.json", "lock");

    private static Jpod jpod;
    private static long pause;
    private static Path store;
    private static Path work;

    @BeforeAll
    static void mountASmallStore() throws Exception {
        Assumptions.assumeTrue(Jpod.asRoot(), "mounts a tmpfs: needs root");
        jpod = Jpod.get();
        assertEquals(0, jpod.run("volume", "ls").exitCode(), "starts the pause process");
        pause =
                Long.parseLong(
                        Files.readString(jpod.runDir().resolve("pause.pid")).strip().split(" ")[0]);
        work = Files.createDirectories(jpod.stage().resolve("full-store"));
        store = work.resolve("store");
        Files.createDirectories(store);
        inNamespace(
                "mount",
                "-t",
                "tmpfs",
                "-o",
                "size=4m,mode=0755,uid=" + jpod.uid() + ",gid=" + jpod.uid(),
                "tmpfs",
                store.toString());
        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        byte[] random = new byte[6 * 1024 * 1024];
        new java.util.Random(7).nextBytes(random);
        Files.write(rootfs.resolve("big.bin"), random);
        run(
                List.of(
                        "tar",
                        "-C",
                        rootfs.toString(),
                        "-cf",
                        work.resolve("big.tar").toString(),
                        "."));
        run(List.of("chown", "-R", jpod.user() + ":", work.toString()));
    }

    @AfterAll
    static void unmount() throws Exception {
        if (store != null) {
            inNamespace("umount", "-l", store.toString());
        }
    }

    @Test
    @Order(1)
    void anImportThatDoesNotFitSaysSoAndKeepsNothing() throws Exception {
        Jpod.Result r = inStore("import", work.resolve("big.tar").toString(), "localhost/big:1");

        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("no space left on device in jpod's store " + store), r.err());
        assertEquals(List.of(), storedFiles());
        Jpod.Result image = inStore("image", "inspect", "localhost/big:1");
        assertEquals(125, image.exitCode(), image.all());
    }

    @Test
    @Order(2)
    void aPlayOnAFullStoreLeavesNoPodAndWorksOnceSpaceIsFreed() throws Exception {
        Path busybox = work.resolve("busybox.tar");
        Jpod.Result saved =
                jpod.run("save", "-o", busybox.toString(), "localhost/jpod-busybox:latest");
        assertEquals(0, saved.exitCode(), saved.all());
        Jpod.Result loaded = inStore("load", "-i", busybox.toString());
        assertEquals(0, loaded.exitCode(), loaded.all());
        Path filler = store.resolve("filler");
        inNamespaceAllowingFailure("sh", "-c", "cat /dev/zero > " + filler);
        String manifest = jpod.stage().resolve("it/quick.yaml").toString();

        Jpod.Result full = inStore("play", "kube", manifest);

        assertEquals(125, full.exitCode(), full.all());
        assertTrue(full.err().contains("no space left on device"), full.err());
        assertEquals("", inStore("pod", "ps", "-q").out().strip(), "no pod is left");
        assertEquals(List.of(), mountsBelowTheStore());

        inNamespace("rm", filler.toString());
        Jpod.Result played = inStore("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
        Jpod.Result down = inStore("kube", "down", manifest);
        assertEquals(0, down.exitCode(), down.all());
        assertEquals(List.of(), mountsBelowTheStore());
    }

    @Test
    @Order(3)
    void aReadOnlyStoreIsNamedAndStillReadable() throws Exception {
        inNamespace("mount", "-o", "remount,ro", store.toString());
        try {
            Jpod.Result r =
                    inStore("import", work.resolve("big.tar").toString(), "localhost/big:1");
            assertEquals(125, r.exitCode(), r.all());
            assertTrue(
                    r.err().contains("jpod's store " + store + " is on a read-only file system"),
                    r.err());
            Jpod.Result image =
                    inStore("image", "inspect", "-f", "{{.Id}}", "localhost/jpod-busybox:latest");
            assertEquals(0, image.exitCode(), image.all());
        } finally {
            inNamespace("mount", "-o", "remount,rw", store.toString());
        }
    }

    @Test
    @Order(4)
    void aStoreOfAnotherUserIsNamed() throws Exception {
        Path other = store.resolve("root-owned");
        inNamespace("mkdir", "-m", "0755", other.toString());
        inNamespace("chown", "0:0", other.toString());

        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "env",
                                "JPOD_DATA_DIR=" + other,
                                jpod.stage().resolve("jpod").toString(),
                                "import",
                                work.resolve("big.tar").toString(),
                                "localhost/big:1"));
        Jpod.Result r = jpod.script(argv);

        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("jpod's store " + other + " is not writable"), r.err());
    }

    private static Jpod.Result inStore(String... args) throws Exception {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "env",
                                "JPOD_DATA_DIR=" + store,
                                jpod.stage().resolve("jpod").toString()));
        argv.addAll(List.of(args));
        return jpod.script(argv);
    }

    /** Regular files in the store other than its index and locks, seen from jpod's namespace. */
    private static List<String> storedFiles() throws IOException {
        Path root = Path.of("/proc/" + pause + "/root" + store);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !KEPT.contains(p.getFileName().toString()))
                    .map(p -> root.relativize(p).toString())
                    .toList();
        }
    }

    private static List<String> mountsBelowTheStore() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pause + "/mountinfo")).stream()
                .map(line -> line.split(" ")[4])
                .filter(point -> point.startsWith(store + "/"))
                .toList();
    }

    private static void inNamespace(String... command) throws Exception {
        assertEquals(0, nsenter(command), String.join(" ", command));
    }

    private static void inNamespaceAllowingFailure(String... command) throws Exception {
        nsenter(command);
    }

    private static int nsenter(String... command) throws Exception {
        List<String> argv =
                new ArrayList<>(List.of("nsenter", "-m", "-t", Long.toString(pause), "--"));
        argv.addAll(List.of(command));
        return run(argv);
    }

    private static int run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hung: " + argv);
        return p.exitValue();
    }
}
