package io.jpod.runtime.userns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.oci.IdMap;

import org.junit.jupiter.api.Test;

import java.io.IOException;

class PodIdMappingTest {

    @Test
    void rootlessPodsTakeTheSubordinateIdsNeverTheUsersOwn() throws IOException {
        IdMap map =
                PodIdMapping.forNamespace(
                        "         0       1001          1\n         1     100000      65536\n");
        assertEquals(new IdMap(0, 1, 65536), map);
        assertEquals("0:1:65536", map.text());
        assertEquals(34, map.shift(33), "www-data of jpod's namespace moves up by one");
    }

    @Test
    void aSmallerRangeGivesASmallerPod() throws IOException {
        assertEquals(new IdMap(0, 1, 1000), PodIdMapping.forNamespace("0 1001 1\n1 100000 1000\n"));
    }

    @Test
    void withoutSubordinateIdsThereIsNoPodNamespace() {
        IOException e =
                assertThrows(IOException.class, () -> PodIdMapping.forNamespace("0 1001 1\n"));
        assertTrue(e.getMessage().contains("/etc/subuid"), e.getMessage());
    }

    @Test
    void rootfulPodsTakeAFixedHighRange() throws IOException {
        assertEquals(new IdMap(0, 1L << 30, 65536), PodIdMapping.choose(false));
    }
}
