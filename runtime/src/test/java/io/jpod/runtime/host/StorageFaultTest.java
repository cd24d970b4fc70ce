package io.jpod.runtime.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;

class StorageFaultTest {

    private final HostLayout layout =
            new HostLayout(true, 1000, Path.of("/data/jpod"), Path.of("/run/user/1000/jpod"), true);

    @Test
    void aFullDiskDeepInTheCausesNamesTheStore() {
        Exception failure =
                new IllegalStateException(
                        "wrapped",
                        new UncheckedIOException(new IOException("No space left on device")));

        String said = StorageFault.explain(failure, layout).orElseThrow();

        assertTrue(said.startsWith("no space left on device in jpod's store /data/jpod: "), said);
    }

    @Test
    void aReadOnlyRunDirectoryIsNamedAsSuch() {
        IOException e =
                new FileSystemException(
                        "/run/user/1000/jpod/netns/x", null, "Read-only file system");

        assertEquals(
                Optional.of(
                        "jpod's run directory /run/user/1000/jpod is on a read-only file system"
                                + " (/run/user/1000/jpod/netns/x)"),
                StorageFault.explain(e, layout));
    }

    @Test
    void aDeniedFileWithoutReasonIsPermissionDenied() {
        String said =
                StorageFault.explain(new AccessDeniedException("/data/jpod/storage"), layout)
                        .orElseThrow();

        assertTrue(
                said.startsWith(
                        "permission denied (/data/jpod/storage): jpod's store /data/jpod is not"
                                + " writable by this user"),
                said);
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertEquals(
                Optional.empty(),
                StorageFault.explain(new IOException("connection refused"), layout));
    }
}
