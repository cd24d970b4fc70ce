package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code save} in both formats: skopeo (a real client, which checks every digest) reads the
 * archives, and loading one back after {@code rmi} gives the same image id.
 */
class SaveIT {

    private static final String NAME = "localhost/jpod-save-it:1";

    private static Jpod jpod;
    private static Path work;
    private static String id;

    @BeforeAll
    static void loadAnImage() throws Exception {
        jpod = Jpod.get();
        work = Files.createDirectories(jpod.stage().resolve("save-it"));
        Path rootfs = Files.createDirectories(work.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
        Files.createSymbolicLink(rootfs.resolve("sh"), Path.of("busybox"));
        Path deep = Files.createDirectories(work.resolve("rootfs/" + "d".repeat(120) + "/e"));
        Files.writeString(deep.resolve("f".repeat(120)), "a long path, in a GNU long-name entry");
        OciLayout layout = new OciLayout(work.resolve("layout"));
        OciLayout.Image image =
                layout.image(
                        "amd64",
                        List.of(layout.layer(work.resolve("rootfs"))),
                        List.of("sh", "-c", "echo saved"));
        layout.tag("1", image);
        skopeo(
                "copy",
                "oci:" + layout.dir() + ":1",
                "oci-archive:" + work.resolve("in.tar") + ":" + NAME);
        chownToTestUser();
        Jpod.Result loaded = jpod.run("load", "-i", work.resolve("in.tar").toString());
        assertEquals(0, loaded.exitCode(), loaded.all());
        id = image.config().digest().substring("sha256:".length());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        jpod.run("rmi", NAME);
    }

    @Test
    void bothFormatsAreReadBySkopeoAndLoadBackAsTheSameImage() throws Exception {
        for (String format : List.of("docker-archive", "oci-archive")) {
            Path archive = work.resolve(format + ".tar");
            Jpod.Result saved =
                    jpod.run("save", "--format", format, "-o", archive.toString(), NAME);
            assertEquals(0, saved.exitCode(), saved.all());
            skopeo("copy", format + ":" + archive, "oci:" + work.resolve("check-" + format) + ":x");

            assertEquals(0, jpod.run("rmi", NAME).exitCode());
            Jpod.Result loaded = jpod.run("load", "-i", archive.toString());
            assertEquals(0, loaded.exitCode(), loaded.all());
            assertTrue(loaded.out().contains(NAME), loaded.out());
            assertEquals(id, jpod.run("image", "inspect", "-f", "{{.Id}}", NAME).out().strip());
        }
    }

    @Test
    void toStandardOutputWhenNotATerminal() throws Exception {
        Path archive = work.resolve("stdout.tar");
        Jpod.Result saved =
                jpod.script(List.of("sh", "-c", "\"$JPOD\" save " + NAME + " > " + archive));
        assertEquals(0, saved.exitCode(), saved.all());
        skopeo("inspect", "docker-archive:" + archive);
    }

    @Test
    void anUnknownImageFailsAndLeavesNoFile() throws Exception {
        Path archive = work.resolve("unknown.tar");
        Jpod.Result r = jpod.run("save", "-o", archive.toString(), NAME, "localhost/nope:1");
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("image not known: localhost/nope:1"), r.err());
        assertFalse(Files.exists(archive));
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().startsWith(".jpod-save-"))
                            .toList());
        }
    }

    private static void skopeo(String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("skopeo"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "skopeo hung: " + argv);
        assertEquals(0, p.exitValue(), argv + "\n" + out);
    }

    /** The test user writes its archives into the work directory skopeo wrote into as root. */
    private static void chownToTestUser() throws IOException, InterruptedException {
        if (Jpod.asRoot()) {
            Process p =
                    new ProcessBuilder("chown", "-R", jpod.user() + ":", work.toString())
                            .inheritIO()
                            .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
    }
}
