package io.jpod.runtime.image.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class LayerPathTest {

    @Test
    void normalisesLexically() throws Exception {
        assertEquals(List.of("etc", "passwd"), LayerPath.parse("/etc/passwd").components());
        assertEquals(List.of("etc", "passwd"), LayerPath.parse("./etc//./passwd").components());
        assertEquals(List.of("b"), LayerPath.parse("a/../b").components());
        assertEquals(List.of("a"), LayerPath.parse("a/").components());
        assertTrue(LayerPath.parse("./").isRoot());
        assertTrue(LayerPath.parse("/").isRoot());
    }

    @Test
    void refusesToClimbAboveTheRoot() {
        assertThrows(LayerException.class, () -> LayerPath.parse(".."));
        assertThrows(LayerException.class, () -> LayerPath.parse("../etc"));
        assertThrows(LayerException.class, () -> LayerPath.parse("/../etc"));
        assertThrows(LayerException.class, () -> LayerPath.parse("a/b/../../../c"));
    }

    @Test
    void refusesNulBytes() {
        assertThrows(LayerException.class, () -> LayerPath.parse("a\0b"));
    }
}
