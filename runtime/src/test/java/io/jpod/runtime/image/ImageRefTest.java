package io.jpod.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageRefTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void fillsInDockerDefaults() {
        assertEquals("docker.io/library/busybox:latest", ImageRef.normalize("busybox"));
        assertEquals("docker.io/library/busybox:1.36", ImageRef.normalize("busybox:1.36"));
        assertEquals("docker.io/bitnami/redis:latest", ImageRef.normalize("bitnami/redis"));
        assertEquals("docker.io/library/nginx:latest", ImageRef.normalize("index.docker.io/nginx"));
        assertEquals("quay.io/podman/hello:latest", ImageRef.normalize("quay.io/podman/hello"));
        assertEquals("localhost:5000/app:v1", ImageRef.normalize("localhost:5000/app:v1"));
        assertEquals("localhost/app:latest", ImageRef.normalize("localhost/app"));
        assertEquals(
                "docker.io/library/busybox@" + DIGEST, ImageRef.normalize("busybox@" + DIGEST));
        assertEquals(
                "docker.io/library/busybox:1@" + DIGEST, ImageRef.normalize("busybox:1@" + DIGEST));
    }

    @Test
    void localNamesGoUnderLocalhost() {
        assertEquals("localhost/myimg:latest", ImageRef.normalizeLocal("myimg"));
        assertEquals("localhost/team/myimg:2", ImageRef.normalizeLocal("team/myimg:2"));
        assertEquals("quay.io/x/y:latest", ImageRef.normalizeLocal("quay.io/x/y"));
    }

    @Test
    void splitsIntoParts() {
        ImageRef ref = ImageRef.parse("registry.example.com:443/a/b:c");
        assertEquals(new ImageRef("registry.example.com:443", "a/b", "c", null), ref);
        assertEquals("registry.example.com:443/a/b", ref.repository());
    }

    @Test
    void rejectsInvalidReferences() {
        IllegalArgumentException upper =
                assertThrows(IllegalArgumentException.class, () -> ImageRef.normalize("BusyBox"));
        assertTrue(upper.getMessage().contains("lowercase"), upper.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageRef.normalize(""));
        assertThrows(IllegalArgumentException.class, () -> ImageRef.normalize("a b"));
        assertThrows(IllegalArgumentException.class, () -> ImageRef.normalize("x:bad tag"));
        assertThrows(IllegalArgumentException.class, () -> ImageRef.normalize("x@sha256:123"));
        assertThrows(IllegalArgumentException.class, () -> ImageRef.normalize("a//b"));
    }
}
