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
    private final boolean userNamespace;

    public Overlay(Processes processes, boolean userNamespace) {
        this.processes = processes;
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
                    processes.run(
                            List.of(
                                    "mount",
                                    "-t",
                                    "overlay",
                                    "overlay",
                                    "-o",
                                    (userNamespace ? "userxattr," : "") + options,
                                    merged.toString()));
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

    /** Unmounts the merged directory; not mounted is fine. */
    public void unmount(Path dir) throws IOException {
        Path merged = dir.resolve("merged");
        if (isMountPoint(merged)) {
            unmountMounted(merged);
        }
    }

    /** Unmounts a mount point, lazily when it is busy. */
    void unmountMounted(Path merged) throws IOException {
        ExecResult r = processes.run(List.of("umount", merged.toString()));
        if (!r.ok()) {
            processes.check(List.of("umount", "-l", merged.toString()));
        }
    }

    /** Whether {@code path} is a mount point in this process's mount namespace. */
    public static boolean isMountPoint(Path path) throws IOException {
        return isMountPoint(path, Files.readAllLines(Path.of("/proc/self/mountinfo")));
    }

    /** Whether {@code path} is the mount point (field 5) of one of these mountinfo lines. */
    static boolean isMountPoint(Path path, List<String> mountinfo) {
        String target = path.toAbsolutePath().normalize().toString();
        for (String line : mountinfo) {
            String[] f = line.split(" ");
            if (f.length > 4 && unescape(f[4]).equals(target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kernel writes space, tab, newline and backslash in mountinfo paths as octal escapes
     * ({@code \040}).
     */
    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\'
                    && i + 3 < field.length()
                    && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
