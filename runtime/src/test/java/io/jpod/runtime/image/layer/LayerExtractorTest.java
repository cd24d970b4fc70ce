package io.jpod.runtime.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class LayerExtractorTest {

    @TempDir Path root;

    final RecordingFileOps ops = new RecordingFileOps();
    final List<String> warnings = new ArrayList<>();

    private void extract(TarBuilder tar) throws IOException, LayerException {
        new LayerExtractor(ops, warnings::add).extract(new ByteArrayInputStream(tar.tar()), root);
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    @Test
    void writesFilesDirectoriesAndLinksWithTheirMetadata() throws Exception {
        extract(
                new TarBuilder()
                        .dir("bin/")
                        .owner(0, 0)
                        .file("bin/busybox", "elf".getBytes(StandardCharsets.UTF_8), 04755)
                        .symlink("bin/sh", "/bin/busybox")
                        .hardlink("bin/ls", "bin/busybox")
                        .owner(33, 34)
                        .dir("var/www/", 0750)
                        .file("var/www/index.html", "hi"));

        Path busybox = root.resolve("bin/busybox");
        assertEquals("elf", Files.readString(busybox));
        assertEquals(04755, mode(busybox));
        assertEquals(TarBuilder.MTIME, Files.getLastModifiedTime(busybox).toInstant());
        assertEquals(Path.of("/bin/busybox"), Files.readSymbolicLink(root.resolve("bin/sh")));
        assertEquals(
                TarBuilder.MTIME,
                Files.getLastModifiedTime(root.resolve("bin/sh"), LinkOption.NOFOLLOW_LINKS)
                        .toInstant());
        assertTrue(Files.isSameFile(busybox, root.resolve("bin/ls")));
        assertEquals(0750, mode(root.resolve("var/www")));
        assertEquals(0755, mode(root.resolve("var")), "implicit parents are 0755");
        assertEquals(0755, mode(root));
        assertEquals(
                TarBuilder.MTIME,
                Files.getLastModifiedTime(root.resolve("var/www")).toInstant(),
                "directory mtimes are set after their entries");
        assertEquals(
                new RecordingFileOps.Owner(33, 34),
                ops.owners.get(root.resolve("var/www/index.html")));
        assertEquals(new RecordingFileOps.Owner(0, 0), ops.owners.get(root.resolve("bin/sh")));
    }

    @Test
    void readOnlyDirectoriesGetTheirModeAfterTheirEntries() throws Exception {
        extract(new TarBuilder().dir("ro/", 0555).file("ro/f", "x").dir("./", 0700));

        assertEquals("x", Files.readString(root.resolve("ro/f")));
        assertEquals(0555, mode(root.resolve("ro")));
        assertEquals(0700, mode(root), "a ./ entry sets the layer root");
    }

    @Test
    void leadingSlashAndDotsStayInsideTheLayer() throws Exception {
        extract(
                new TarBuilder()
                        .file("/etc/hostname", "a")
                        .file("./etc/./motd", "b")
                        .file("usr/../etc/issue", "c"));

        assertEquals("a", Files.readString(root.resolve("etc/hostname")));
        assertEquals("b", Files.readString(root.resolve("etc/motd")));
        assertEquals("c", Files.readString(root.resolve("etc/issue")));
        assertFalse(Files.exists(root.resolve("usr")));
    }

    @Test
    void laterEntriesReplaceEarlierOnes() throws Exception {
        extract(
                new TarBuilder()
                        .file("a", "first")
                        .file("a", "second")
                        .dir("d/")
                        .file("d/x", "x")
                        .file("d", "now a file")
                        .symlink("l", "/nowhere")
                        .file("l", "a file, not written through the link")
                        .file("e", "e")
                        .dir("e/"));

        assertEquals("second", Files.readString(root.resolve("a")));
        assertEquals("now a file", Files.readString(root.resolve("d")));
        assertTrue(Files.isRegularFile(root.resolve("l"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(root.resolve("e"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void whiteoutsBecomeDeviceNodesAndOpaqueMarkersXattrs() throws Exception {
        extract(
                new TarBuilder()
                        .dir("etc/")
                        .file("etc/.wh.passwd", "")
                        .dir("var/cache/")
                        .file("var/cache/.wh..wh..opq", "")
                        .file("var/cache/new", "n")
                        .file(".wh.opt", ""));

        assertEquals(List.of(root.resolve("etc/passwd"), root.resolve("opt")), ops.whiteouts);
        assertEquals(List.of(root.resolve("var/cache")), ops.opaque);
        assertFalse(Files.exists(root.resolve("etc/.wh.passwd")));
        assertFalse(Files.exists(root.resolve("var/cache/.wh..wh..opq")));
        assertEquals("n", Files.readString(root.resolve("var/cache/new")));
    }

    @Test
    void aWhiteoutDoesNotHideAFileOfItsOwnLayer() throws Exception {
        extract(new TarBuilder().file("keep", "k").file(".wh.keep", ""));

        assertEquals(List.of(), ops.whiteouts);
        assertEquals("k", Files.readString(root.resolve("keep")));
    }

    @Test
    void aWhiteoutOfDotDotIsRejected() {
        LayerException e =
                assertThrows(
                        LayerException.class,
                        () -> extract(new TarBuilder().file("etc/.wh...", "")));
        assertTrue(e.getMessage().contains("etc/.wh..."), e.getMessage());
    }

    @Test
    void deviceNodesAreSkippedWithAWarningAndFifosMade() throws Exception {
        extract(new TarBuilder().dir("dev/").charDevice("dev/null", 1, 3).fifo("run.fifo"));

        assertFalse(Files.exists(root.resolve("dev/null"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains("dev/null"), warnings.getFirst());
        assertEquals(
                "fifo",
                Files.readAttributes(
                                        root.resolve("run.fifo"),
                                        java.nio.file.attribute.PosixFileAttributes.class,
                                        LinkOption.NOFOLLOW_LINKS)
                                .isOther()
                        ? "fifo"
                        : "not a fifo");
        assertEquals(0640, mode(root.resolve("run.fifo")));
    }

    @Test
    void anOwnerOutsideTheMappingFailsNamingTheEntryAndTheId() {
        RecordingFileOps narrow = new RecordingFileOps(65536);
        LayerException e =
                assertThrows(
                        LayerException.class,
                        () ->
                                new LayerExtractor(narrow, warnings::add)
                                        .extract(
                                                new ByteArrayInputStream(
                                                        new TarBuilder()
                                                                .owner(100000, 0)
                                                                .file("srv/data", "d")
                                                                .tar()),
                                                root));
        assertTrue(e.getMessage().contains("srv/data"), e.getMessage());
        assertTrue(e.getMessage().contains("100000"), e.getMessage());
    }

    // attacks: each must fail the whole layer with a message naming the entry, and write nothing
    // outside

    @Test
    void dotDotEscapeIsRejected() {
        LayerException e =
                assertThrows(
                        LayerException.class, () -> extract(new TarBuilder().file("../evil", "x")));
        assertTrue(e.getMessage().contains("../evil"), e.getMessage());
        assertFalse(Files.exists(root.resolveSibling("evil")));
    }

    @Test
    void dotDotEscapeAfterADirectoryIsRejected() {
        LayerException e =
                assertThrows(
                        LayerException.class,
                        () -> extract(new TarBuilder().file("a/../../evil", "x")));
        assertTrue(e.getMessage().contains("a/../../evil"), e.getMessage());
    }

    @Test
    void writingThroughAnAbsoluteSymlinkIsRejected(@TempDir Path outside) throws Exception {
        LayerException e =
                assertThrows(
                        LayerException.class,
                        () ->
                                extract(
                                        new TarBuilder()
                                                .symlink("etc", outside.toString())
                                                .file("etc/passwd", "root::0:0::/:/bin/sh")));
        assertTrue(e.getMessage().contains("etc/passwd"), e.getMessage());
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("passwd")));
    }

    @Test
    void writingThroughARelativeSymlinkIsRejected(@TempDir Path outside) {
        Path escape = root.relativize(outside);
        assertThrows(
                LayerException.class,
                () ->
                        extract(
                                new TarBuilder()
                                        .dir("a/")
                                        .symlink("a/up", "../" + escape)
                                        .file("a/up/evil", "x")));
        assertFalse(Files.exists(outside.resolve("evil")));
    }

    @Test
    void aDirectoryEntryThroughASymlinkIsRejected(@TempDir Path outside) {
        assertThrows(
                LayerException.class,
                () -> extract(new TarBuilder().symlink("d", outside.toString()).dir("d/sub/")));
        assertFalse(Files.exists(outside.resolve("sub")));
    }

    @Test
    void aHardLinkOutOfTheLayerIsRejected() {
        LayerException e =
                assertThrows(
                        LayerException.class,
                        () ->
                                extract(
                                        new TarBuilder()
                                                .hardlink("passwd", "../../../../etc/passwd")));
        assertTrue(e.getMessage().contains("passwd"), e.getMessage());
    }

    @Test
    void anAbsoluteHardLinkTargetMeansTheLayersOwnFile() throws Exception {
        extract(new TarBuilder().file("etc/passwd", "mine").hardlink("copy", "/etc/passwd"));
        assertTrue(Files.isSameFile(root.resolve("etc/passwd"), root.resolve("copy")));

        LayerException e =
                assertThrows(
                        LayerException.class,
                        () -> extract(new TarBuilder().hardlink("shadow", "/etc/shadow")));
        assertTrue(e.getMessage().contains("not a file of the layer"), e.getMessage());
    }

    @Test
    void aHardLinkThroughASymlinkIsRejected(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret"), "s");
        LayerException e =
                assertThrows(
                        LayerException.class,
                        () ->
                                extract(
                                        new TarBuilder()
                                                .symlink("out", outside.toString())
                                                .hardlink("stolen", "out/secret")));
        assertTrue(e.getMessage().contains("stolen"), e.getMessage());
        assertFalse(Files.exists(root.resolve("stolen")));
    }

    @Test
    void aHardLinkToASymlinkLinksTheSymlinkItself() throws Exception {
        extract(new TarBuilder().symlink("l", "/etc/passwd").hardlink("l2", "l"));
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(root.resolve("l2")));
    }

    @Test
    void aWhiteoutThroughASymlinkIsRejected(@TempDir Path outside) {
        assertThrows(
                LayerException.class,
                () ->
                        extract(
                                new TarBuilder()
                                        .symlink("s", outside.toString())
                                        .file("s/.wh.x", "")));
        assertEquals(List.of(), ops.whiteouts);
    }

    @Test
    void theLayerRootCannotBeReplaced() {
        assertThrows(LayerException.class, () -> extract(new TarBuilder().symlink(".", "/etc")));
    }
}
