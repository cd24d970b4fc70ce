package io.jpod.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.archive.ArchiveFormat;
import io.jpod.runtime.image.archive.TestImage;
import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.layer.RecordingFileOps;
import io.jpod.runtime.image.layer.TarBuilder;
import io.jpod.runtime.image.oci.Descriptor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

class ImageStoreTest {

    @TempDir Path root;

    @TempDir Path work;

    final RecordingFileOps ops = new RecordingFileOps();
    final List<String> warnings = new ArrayList<>();

    ImageStore store() {
        return new ImageStore(root.resolve("store"), ops, warnings::add);
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(work.resolve(name), content);
    }

    static byte[] busyboxRootfs() {
        return new TarBuilder()
                .dir("bin/")
                .file("bin/busybox", "elf".getBytes(), 0755)
                .symlink("bin/sh", "busybox")
                .dir("etc/")
                .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                .owner(65534, 65534)
                .dir("home/nobody/")
                .tar();
    }

    @Test
    void importsARootfsAsALocalhostImageWithChanges() throws Exception {
        ImageStore store = store();
        Image image =
                store.importRootfs(
                        write("rootfs.tar.gz", TarBuilder.gzip(busyboxRootfs())),
                        "busybox",
                        List.of(
                                "CMD [\"sh\",\"-c\",\"sleep 1\"]",
                                "ENTRYPOINT /bin/init --now",
                                "ENV PATH=/bin:/usr/bin",
                                "WORKDIR /srv",
                                "USER 1000:1000",
                                "EXPOSE 8080",
                                "LABEL app=demo"));

        assertEquals(List.of("localhost/busybox:latest"), image.names());
        assertEquals(List.of(Digest.of(busyboxRootfs()).toString()), image.layers());
        assertEquals(List.of("sh", "-c", "sleep 1"), image.config().cmd());
        assertEquals(List.of("/bin/sh", "-c", "/bin/init --now"), image.config().entrypoint());
        assertEquals(List.of("PATH=/bin:/usr/bin"), image.config().env());
        assertEquals("/srv", image.config().workingDir());
        assertEquals("1000:1000", image.config().user());
        assertEquals(Map.of("app", "demo"), image.config().labels());
        assertEquals(List.of("8080/tcp"), image.config().exposedPorts());
        assertEquals(busyboxRootfs().length, image.size());
        assertEquals(12, image.shortId().length());

        Path layer = store.layerPaths(image).getFirst();
        assertEquals("elf", Files.readString(layer.resolve("bin/busybox")));
        assertEquals(Path.of("busybox"), Files.readSymbolicLink(layer.resolve("bin/sh")));
        assertTrue(
                ops.owners.entrySet().stream()
                        .anyMatch(
                                e ->
                                        e.getKey().endsWith("home/nobody")
                                                && e.getValue()
                                                        .equals(
                                                                new RecordingFileOps.Owner(
                                                                        65534, 65534))),
                ops.owners.toString());

        // the config blob is stored under the image id and lists the layer
        byte[] config =
                Files.readAllBytes(root.resolve("store/blobs/sha256/" + image.id().substring(7)));
        assertEquals(image.id(), Digest.of(config).toString());
        String json = new String(config);
        assertTrue(json.contains("\"diff_ids\":[\"" + image.layers().getFirst() + "\"]"), json);
        assertTrue(json.contains("\"os\":\"linux\""), json);

        assertEquals(List.of(image), store.list());
        assertEquals(
                Optional.of(image),
                new ImageStore(root.resolve("store")).find("busybox"),
                "a new store reads the index");
    }

    @Test
    void importWithoutNameIsDangling() throws Exception {
        Image image = store().importRootfs(write("r.tar", busyboxRootfs()), null, List.of());
        assertEquals(List.of(), image.names());
        assertEquals(ImageConfig.EMPTY, image.config());
    }

    @Test
    void aBadChangeFailsBeforeAnythingIsStored() throws Exception {
        ImageStore store = store();
        ImageException e =
                assertThrows(
                        ImageException.class,
                        () ->
                                store.importRootfs(
                                        write("r.tar", busyboxRootfs()),
                                        "x",
                                        List.of("VOLUME /data")));
        assertTrue(e.getMessage().contains("VOLUME"), e.getMessage());
        assertEquals(List.of(), store.list());
    }

    @Test
    void findsByShortAndFullNamesAndIds() throws Exception {
        ImageStore store = store();
        Image local =
                store.importRootfs(write("a.tar", busyboxRootfs()), "tools/box:1.0", List.of());
        Image hub =
                store.load(
                                write(
                                        "hub.tar",
                                        new TestImage(TestImage.cmd("sh"), layer("hub"))
                                                .dockerArchive(List.of("busybox:latest"), false)))
                        .getFirst();

        assertEquals(List.of("docker.io/library/busybox:latest"), hub.names());
        assertEquals(hub, store.find("busybox").orElseThrow());
        assertEquals(hub, store.find("docker.io/busybox").orElseThrow());
        assertEquals(hub, store.find("docker.io/library/busybox:latest").orElseThrow());
        assertEquals(local, store.find("localhost/tools/box:1.0").orElseThrow());
        assertEquals(local, store.find("tools/box:1.0").orElseThrow());
        assertEquals(
                local,
                store.find("box:1.0").orElseThrow(),
                "a short name matches under any registry");
        assertEquals(local, store.find(local.id()).orElseThrow());
        assertEquals(local, store.find(local.shortId()).orElseThrow());
        assertEquals(local, store.find(local.id().substring(0, 12)).orElseThrow());
        assertEquals(Optional.empty(), store.find("box"));
        assertEquals(Optional.empty(), store.find("quay.io/busybox"));
        assertEquals(Optional.empty(), store.find("Not A Name"));
    }

    @Test
    void removeKeepsLayersOtherImagesUse() throws Exception {
        ImageStore store = store();
        byte[] base = layer("base");
        Image first =
                store.load(
                                write(
                                        "1.tar",
                                        new TestImage(TestImage.cmd("a"), base, layer("one"))
                                                .dockerArchive(List.of("first"), false)))
                        .getFirst();
        Image second =
                store.load(
                                write(
                                        "2.tar",
                                        new TestImage(TestImage.cmd("b"), base, layer("two"))
                                                .dockerArchive(List.of("second"), true)))
                        .getFirst();
        Path shared = store.layerPaths(first).getLast();
        assertEquals(shared, store.layerPaths(second).getLast());

        assertEquals(first, store.remove("first"));

        assertTrue(Files.isDirectory(shared));
        assertFalse(
                Files.exists(store.layerPaths(first).getFirst()),
                "the layer only the removed image used is gone");
        assertFalse(Files.exists(root.resolve("store/blobs/sha256/" + first.id().substring(7))));
        assertEquals(List.of(second), store.list());

        store.remove(second.shortId());
        assertFalse(Files.exists(shared));
        assertEquals(List.of(), store.list());
        try (Stream<Path> left = Files.list(root.resolve("store/layers"))) {
            assertEquals(0, left.count());
        }
        ImageException e = assertThrows(ImageException.class, () -> store.remove("first"));
        assertEquals("image not known: first", e.getMessage());
    }

    @Test
    void removingOneOfSeveralNamesUntags() throws Exception {
        ImageStore store = store();
        Image image =
                store.load(
                                write(
                                        "a.tar",
                                        new TestImage(TestImage.cmd("a"), layer("x"))
                                                .dockerArchive(
                                                        List.of("app:1", "app:latest"), false)))
                        .getFirst();

        store.remove("app:1");

        Image left = store.find("app").orElseThrow();
        assertEquals(image.id(), left.id());
        assertEquals(List.of("docker.io/library/app:latest"), left.names());
        assertTrue(Files.isDirectory(store.layerPaths(left).getFirst()));
    }

    @Test
    void aNameMovesToTheNewestImageThatClaimsIt() throws Exception {
        ImageStore store = store();
        Image old = store.importRootfs(write("a.tar", busyboxRootfs()), "app", List.of());
        Image fresh =
                store.importRootfs(
                        write("b.tar", new TarBuilder().file("new", "n").tar()), "app", List.of());

        assertEquals(fresh.id(), store.find("app").orElseThrow().id());
        assertEquals(List.of(), store.find(old.id()).orElseThrow().names());
    }

    @Test
    void loadsAnOciArchiveWithWhiteoutsAndOpaqueDirectories() throws Exception {
        byte[] lower =
                new TarBuilder()
                        .dir("etc/")
                        .file("etc/passwd", "p")
                        .dir("var/cache/")
                        .file("var/cache/old", "o")
                        .tar();
        byte[] upper =
                new TarBuilder()
                        .file("etc/.wh.passwd", "")
                        .dir("var/cache/")
                        .file("var/cache/.wh..wh..opq", "")
                        .file("var/cache/new", "n")
                        .tar();
        TestImage test = new TestImage(TestImage.cmd("/bin/app"), lower, upper).gzipLayers();
        ImageStore store = store();

        List<Image> loaded =
                store.load(
                        write(
                                "oci.tar",
                                test.ociArchive(
                                        Map.of(
                                                "org.opencontainers.image.ref.name", "latest",
                                                "io.containerd.image.name",
                                                        "quay.io/example/app:2"))));

        Image image = loaded.getFirst();
        assertEquals(test.id(), image.id());
        assertEquals(List.of("quay.io/example/app:2"), image.names());
        assertEquals(test.diffIds(), image.layers());
        assertEquals(List.of("/bin/app"), image.config().cmd());
        assertEquals(java.time.Instant.parse("2024-05-06T07:08:09Z"), image.created());
        assertEquals(lower.length + upper.length, image.size());
        List<Path> paths = store.layerPaths(image);
        assertEquals(
                root.resolve("store/layers/" + test.diffIds().get(1).substring(7)),
                paths.get(0),
                "top first");
        assertEquals("p", Files.readString(paths.get(1).resolve("etc/passwd")));
        // the fake records paths in the staging directory; its whiteouts are empty files renamed
        // with the layer
        assertEquals(1, ops.whiteouts.size());
        assertTrue(ops.whiteouts.getFirst().endsWith("etc/passwd"), ops.whiteouts.toString());
        assertTrue(Files.exists(paths.get(0).resolve("etc/passwd")));
        assertEquals(1, ops.opaque.size());
        assertTrue(ops.opaque.getFirst().endsWith("var/cache"), ops.opaque.toString());
        assertEquals("n", Files.readString(paths.get(0).resolve("var/cache/new")));
    }

    @Test
    void anOciRefNameWithoutRegistryIsLocalhost() throws Exception {
        TestImage test = new TestImage(TestImage.cmd("x"), layer("x"));
        Image image =
                store().load(
                                write(
                                        "oci.tar",
                                        test.ociArchive(
                                                Map.of(
                                                        "org.opencontainers.image.ref.name",
                                                        "hello:world"))))
                        .getFirst();
        assertEquals(List.of("localhost/hello:world"), image.names());
    }

    @Test
    void picksThisPlatformFromANestedIndex() throws Exception {
        TestImage mine = new TestImage(TestImage.cmd("mine"), layer("mine"));
        TestImage arm = new TestImage(TestImage.cmd("arm"), layer("arm"));
        Image image =
                store().load(
                                write(
                                        "multi.tar",
                                        mine.ociArchiveWithNestedIndex(
                                                Map.of(
                                                        "org.opencontainers.image.ref.name",
                                                        "docker.io/library/multi:1"),
                                                arm)))
                        .getFirst();
        assertEquals(mine.id(), image.id());
        assertEquals(List.of("docker.io/library/multi:1"), image.names());
    }

    @Test
    void loadsAGzippedDockerArchiveTwiceWithoutDuplicates() throws Exception {
        TestImage test = new TestImage(TestImage.cmd("x"), layer("x"), layer("y"));
        ImageStore store = store();
        Path archive =
                write(
                        "d.tar.gz",
                        TarBuilder.gzip(test.dockerArchive(List.of("docker.io/x/y:z"), false)));
        Image first = store.load(archive).getFirst();
        Image again = store.load(archive).getFirst();
        assertEquals(first, again);
        assertEquals(1, store.list().size());
    }

    @Test
    void savedArchivesLoadAsTheSameImagesInBothFormats() throws Exception {
        ImageStore store = store();
        TestImage gzipped = new TestImage(TestImage.cmd("x"), layer("x"), layer("y")).gzipLayers();
        Image image =
                store.load(write("a.tar", gzipped.ociArchive(Map.of(Descriptor.REF_NAME, "web:1"))))
                        .getFirst();
        Image other =
                store.load(
                                write(
                                        "b.tar",
                                        new TestImage(TestImage.cmd("y"), layer("x"))
                                                .dockerArchive(List.of("docker.io/o/db:2"), false)))
                        .getFirst();

        for (ArchiveFormat format : ArchiveFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.save(List.of("web:1", other.shortId()), format, out);

            ImageStore fresh = new ImageStore(root.resolve("fresh-" + format), ops, warnings::add);
            List<Image> loaded = fresh.load(write(format + ".tar", out.toByteArray()));
            assertEquals(
                    List.of(image.id(), other.id()),
                    loaded.stream().map(Image::id).toList(),
                    format + ": gzip layers saved uncompressed keep their diff ids");
            assertEquals(List.of("localhost/web:1"), loaded.get(0).names(), format.spelling());
            assertEquals(other.names(), loaded.get(1).names(), format.spelling());
            assertEquals(image.layers(), loaded.get(0).layers());
        }
    }

    @Test
    void savingAnUnknownImageNamesIt() throws Exception {
        ImageException e =
                assertThrows(
                        ImageException.class,
                        () ->
                                store().save(
                                                List.of("nope"),
                                                ArchiveFormat.OCI_ARCHIVE,
                                                new ByteArrayOutputStream()));
        assertEquals("image not known: nope", e.getMessage());
    }

    @Test
    void aLayerWithAWrongDigestStoresNothing() throws Exception {
        TestImage test = new TestImage(TestImage.cmd("x"), layer("good"));
        byte[] archive = test.ociArchive(Map.of());
        // same length, other content: flip a byte inside the layer's file content
        byte[] good = "good-content".getBytes();
        int at = indexOf(archive, good);
        archive[at] = 'G';
        ImageStore store = store();

        ImageException e =
                assertThrows(ImageException.class, () -> store.load(write("bad.tar", archive)));
        assertTrue(e.getMessage().contains("digest mismatch"), e.getMessage());
        assertEquals(List.of(), store.list());
        assertEmptyLayersAndTmp();
    }

    @Test
    void aDiffIdThatDoesNotMatchTheLayerIsRejected() throws Exception {
        TestImage test =
                new TestImage(TestImage.cmd("x"), layer("x"))
                        .diffIds(List.of(Digest.of(new byte[] {1}).toString()));
        ImageStore store = store();
        ImageException e =
                assertThrows(
                        ImageException.class,
                        () ->
                                store.load(
                                        write("bad.tar", test.dockerArchive(List.of("x"), false))));
        assertTrue(e.getMessage().contains("diff id mismatch"), e.getMessage());
        assertEquals(List.of(), store.list());
        assertEmptyLayersAndTmp();
    }

    @Test
    void anUnsafeLayerFailsTheLoadNamingTheEntry() throws Exception {
        byte[] evil = new TarBuilder().symlink("etc", "/etc").file("etc/passwd", "pwned").tar();
        ImageStore store = store();
        ImageException e =
                assertThrows(
                        ImageException.class,
                        () ->
                                store.load(
                                        write(
                                                "evil.tar",
                                                new TestImage(TestImage.cmd("x"), evil)
                                                        .dockerArchive(List.of("evil"), false))));
        assertTrue(e.getMessage().contains("etc/passwd"), e.getMessage());
        assertEquals(List.of(), store.list());
        assertEmptyLayersAndTmp();
    }

    @Test
    void zstdLayersLoadAndACorruptOneIsRefused() throws Exception {
        TestImage test = new TestImage(TestImage.cmd("x"), busyboxRootfs()).zstdLayers();
        Image image = store().load(write("z.tar", test.ociArchive(Map.of()))).getFirst();
        assertEquals(test.diffIds(), image.layers());

        byte[] broken = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};
        TestImage bad = new TestImage(TestImage.cmd("x"), broken);
        assertThrows(
                ImageException.class,
                () -> store().load(write("bad.tar", bad.ociArchive(Map.of()))));
    }

    @Test
    void notAnArchiveIsReportedClearly() throws Exception {
        ImageException e =
                assertThrows(
                        ImageException.class,
                        () ->
                                store().load(
                                                write(
                                                        "plain.tar",
                                                        new TarBuilder()
                                                                .file("hello", "x")
                                                                .tar())));
        assertTrue(e.getMessage().contains("neither index.json nor manifest.json"), e.getMessage());
    }

    @Test
    void leftoversOfAKilledCommandAreClearedByTheNextOne() throws Exception {
        ImageStore store = store();
        Path stale = Files.createDirectories(root.resolve("store/tmp/layer-123/usr"));
        Path orphan = Files.createDirectories(root.resolve("store/layers/" + "a".repeat(64)));
        store.importRootfs(write("a.tar", busyboxRootfs()), "a", List.of());
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(orphan));
    }

    @Test
    void concurrentCommandsOnOneStoreAllLand() throws Exception {
        List<Path> tars = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tars.add(write(i + ".tar", new TarBuilder().file("f" + i, "c" + i).tar()));
        }
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < tars.size(); i++) {
            Path tar = tars.get(i);
            String name = "img" + i;
            // a store per thread, as separate jpod processes would each have
            threads.add(
                    Thread.ofPlatform()
                            .start(
                                    () -> {
                                        try {
                                            store().importRootfs(tar, name, List.of());
                                        } catch (Throwable t) {
                                            failures.add(t);
                                        }
                                    }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(4, store().list().size());
    }

    private void assertEmptyLayersAndTmp() throws IOException {
        for (String dir : List.of("store/layers", "store/tmp")) {
            Path path = root.resolve(dir);
            if (Files.exists(path)) {
                try (Stream<Path> left = Files.list(path)) {
                    assertEquals(List.of(), left.toList(), dir);
                }
            }
        }
    }

    private static byte[] layer(String name) {
        return new TarBuilder().file(name + ".txt", name + "-content").tar();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
