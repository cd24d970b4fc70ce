package io.jpod.runtime.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.pod.PodException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class VolumeStoreTest {

    @TempDir Path dir;

    @Test
    void aVolumeKeepsItsDataUnderDataUntilRemoved() throws Exception {
        VolumeStore store = new VolumeStore(dir);
        VolumeStore.Volume db = store.create("db");
        assertEquals(dir.resolve("db/_data"), db.mountpoint());
        Files.writeString(db.mountpoint().resolve("row"), "1");
        assertEquals("db", store.find("db").orElseThrow().name());
        assertEquals(1, store.list().size());
        store.remove("db");
        assertFalse(Files.exists(dir.resolve("db")));
        assertTrue(store.find("db").isEmpty());
    }

    @Test
    void removingAVolumeThatDoesNotExistNamesIt() {
        PodException e =
                assertThrows(PodException.class, () -> new VolumeStore(dir).remove("nope"));
        assertEquals("no volume with name nope found", e.getMessage());
    }
}
