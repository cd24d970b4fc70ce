package io.jpod.runtime.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;

/** The real operations; owners and devices need uid 0 (CI runs tests as root). */
class NativeFileOpsTest {

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    @TempDir Path root;

    static boolean isRoot() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    static int attribute(Path path, String name) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:" + name, LinkOption.NOFOLLOW_LINKS))
                .intValue();
    }

    @Test
    void extractsOwnersWhiteoutsAndOpaqueDirectoriesForReal() throws Exception {
        assumeTrue(isRoot(), "needs uid 0");
        List<String> warnings = new ArrayList<>();
        byte[] tar =
                new TarBuilder()
                        .owner(1000, 1001)
                        .dir("home/user/")
                        .owner(33, 33)
                        .file("srv/www", "w".getBytes(StandardCharsets.UTF_8), 04750)
                        .symlink("srv/link", "/etc/shadow")
                        .file("etc/.wh.passwd", "")
                        .dir("var/")
                        .file("var/.wh..wh..opq", "")
                        .tar();

        new LayerExtractor(new NativeFileOps(), warnings::add)
                .extract(new ByteArrayInputStream(tar), root);

        assertEquals(1000, attribute(root.resolve("home/user"), "uid"));
        assertEquals(1001, attribute(root.resolve("home/user"), "gid"));
        assertEquals(33, attribute(root.resolve("srv/www"), "uid"));
        assertEquals(
                04750,
                attribute(root.resolve("srv/www"), "mode") & 07777,
                "set-id bits survive the chown");
        assertEquals(33, attribute(root.resolve("srv/link"), "uid"), "the link itself is chowned");
        assertEquals(0, attribute(Path.of("/etc/shadow"), "uid"), "never its target");

        Path whiteout = root.resolve("etc/passwd");
        assertEquals(S_IFCHR, attribute(whiteout, "mode") & S_IFMT);
        assertEquals(0, attribute(whiteout, "rdev"));

        UserDefinedFileAttributeView xattrs =
                Files.getFileAttributeView(
                        root.resolve("var"),
                        UserDefinedFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
        ByteBuffer value = ByteBuffer.allocate(8);
        xattrs.read("overlay.opaque", value);
        assertEquals(
                "y", new String(value.array(), 0, value.position(), StandardCharsets.US_ASCII));
    }

    @Test
    void chownByANonRootUserFailsNamingTheFileAndOwner() throws Exception {
        assumeTrue(!isRoot(), "root may chown to anyone");
        Path file = Files.createFile(root.resolve("f"));
        LayerException e =
                assertThrows(
                        LayerException.class, () -> new NativeFileOps().chown(file, 12345, 12345));
        assertTrue(
                e.getMessage().contains("12345") && e.getMessage().contains("f"), e.getMessage());
    }
}
