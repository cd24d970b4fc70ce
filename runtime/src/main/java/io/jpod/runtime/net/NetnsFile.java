package io.jpod.runtime.net;

import io.jpod.runtime.storage.Mounts;
import io.jpod.runtime.sys.Processes;
import io.jpod.runtime.userns.NamespaceCommands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A network namespace bound to a file, created before any of the pod's processes so that the infra
 * container, the app containers and the network helper all join it by path.
 */
public final class NetnsFile {

    private final Processes processes;

    public NetnsFile(Processes processes) {
        this.processes = processes;
    }

    public Path create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            processes.check(NamespaceCommands.unshareNetworkBoundTo(file));
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /**
     * Binds the network namespace a process made (the infra of a pod with a user namespace of its
     * own, which owns the network namespace) to {@code file}, so that helpers join it as any pod's.
     */
    public Path bind(Path file, long pid) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            processes.check(
                    List.of("mount", "--bind", "/proc/" + pid + "/ns/net", file.toString()));
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Unbinds and deletes; the namespace dies with its last user. */
    public void remove(Path file) throws IOException {
        if (Mounts.isMountPoint(file)) {
            new Mounts(processes).unmountLazy(file);
        }
        Files.deleteIfExists(file);
    }
}
