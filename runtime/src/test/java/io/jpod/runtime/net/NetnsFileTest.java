package io.jpod.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class NetnsFileTest {

    @TempDir Path dir;

    private final RecordingProcesses processes = new RecordingProcesses();

    @Test
    void createBindsANewNamespaceOntoAnEmptyFile() throws Exception {
        Path file = dir.resolve("netns/pod1");
        assertEquals(file, new NetnsFile(processes).create(file));
        assertEquals(List.of(List.of("unshare", "--net=" + file, "true")), processes.calls());
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void aStaleFileIsReplaced() throws Exception {
        Path file = Files.writeString(dir.resolve("pod1"), "stale");
        new NetnsFile(processes).create(file);
        assertEquals(0, Files.size(file));
    }

    @Test
    void failureRemovesTheFile() {
        processes.fail("unshare", 1, "unshare: unshare failed: Operation not permitted");
        Path file = dir.resolve("pod1");
        IOException e =
                assertThrows(IOException.class, () -> new NetnsFile(processes).create(file));
        assertTrue(e.getMessage().contains("Operation not permitted"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void removeOfAnUnmountedFileJustDeletesIt() throws Exception {
        Path file = Files.createFile(dir.resolve("pod1"));
        new NetnsFile(processes).remove(file);
        new NetnsFile(processes).remove(file);
        assertFalse(Files.exists(file));
        assertEquals(List.of(), processes.calls());
    }
}
