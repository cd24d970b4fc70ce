package io.jpod.runtime.storage;

import io.jpod.runtime.sys.ExecResult;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A container's root filesystem: image layers read-only below, the container's own upper directory
 * above. Kernel overlayfs first ({@code userxattr} inside a user namespace, so opaque directories
 * are honoured); fuse-overlayfs where the kernel refuses. The driver chosen for an upper directory
 * is remembered beside it, because switching drivers on one upper directory corrupts it.
 */
public final class Overlay {

    public enum Driver {
        KERNEL,
        FUSE
    }

    private final Processes processes;
    private final Mounts mounts;
    private final boolean userNamespace;

    public Overlay(Processes processes, boolean userNamespace) {
        this.processes = processes;
        this.mounts = new Mounts(processes);
        this.userNamespace = userNamespace;
    }

    /**
     * Mounts {@code lowers} (top first) under {@code dir}/merged with {@code dir}/upper and {@code
     * dir}/work.
     */
    public Driver mount(List<Path> lowers, Path dir) throws IOException {
        Path upper = Files.createDirectories(dir.resolve("upper"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path merged = Files.createDirectories(dir.resolve("merged"));
        Path driverFile = dir.resolve("driver");
        String lowerdir = lowers.stream().map(Path::toString).collect(Collectors.joining(":"));
        String options = "lowerdir=" + lowerdir + ",upperdir=" + upper + ",workdir=" + work;
        Driver recorded =
                Files.exists(driverFile)
                        ? Driver.valueOf(Files.readString(driverFile).strip())
                        : null;
        if (recorded != Driver.FUSE) {
            ExecResult r =
                    mounts.mount(
                            "overlay",
                            "overlay",
                            (userNamespace ? "userxattr," : "") + options,
                            merged);
            if (r.ok()) {
                Files.writeString(driverFile, Driver.KERNEL.name());
                return Driver.KERNEL;
            }
            if (recorded == Driver.KERNEL) {
                throw new IOException("overlay mount of " + merged + " failed: " + r.errorText());
            }
        }
        processes.check(List.of("fuse-overlayfs", "-o", options, merged.toString()));
        Files.writeString(driverFile, Driver.FUSE.name());
        return Driver.FUSE;
    }

    /** Unmounts the merged directory, lazily when it is busy; not mounted is fine. */
    public void unmount(Path dir) throws IOException {
        mounts.unmount(dir.resolve("merged"));
    }

    /** Whether {@code path} is a mount point in this process's mount namespace. */
    public static boolean isMountPoint(Path path) throws IOException {
        return Mounts.isMountPoint(path);
    }
}
