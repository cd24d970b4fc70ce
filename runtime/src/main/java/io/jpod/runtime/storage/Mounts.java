package io.jpod.runtime.storage;

import io.jpod.runtime.sys.ExecResult;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * mount and umount, the one place jpod runs them, and what this process's mount namespace has
 * mounted ({@code /proc/self/mountinfo}). Inside the user namespace these are the pause process's
 * mounts, invisible from the host.
 */
public final class Mounts {

    private final Processes processes;

    public Mounts(Processes processes) {
        this.processes = processes;
    }

    /** {@code mount -t TYPE -o OPTIONS SOURCE TARGET}; the result, for callers that fall back. */
    public ExecResult mount(String type, String source, String options, Path target)
            throws IOException {
        return processes.run(
                List.of("mount", "-t", type, source, "-o", options, target.toString()));
    }

    /** A memory-backed file system at {@code target}. */
    public void tmpfs(Path target, String options) throws IOException {
        ExecResult r = mount("tmpfs", "tmpfs", options, target);
        if (!r.ok()) {
            throw new IOException("mount of tmpfs at " + target + " failed: " + r.errorText());
        }
    }

    /** Unmounts {@code target}, lazily when it is busy; not mounted is fine. */
    public void unmount(Path target) throws IOException {
        if (isMountPoint(target)) {
            unmountMounted(target);
        }
    }

    /** Unmounts a mount point, lazily when it is busy. */
    void unmountMounted(Path target) throws IOException {
        ExecResult r = processes.run(List.of("umount", target.toString()));
        if (!r.ok()) {
            unmountLazy(target);
        }
    }

    /** Detaches {@code target} now; the kernel finishes once nothing uses it any more. */
    public void unmountLazy(Path target) throws IOException {
        processes.check(List.of("umount", "-l", target.toString()));
    }

    /** Unmounts everything mounted at or below {@code dir}, the deepest first. */
    public void unmountAllUnder(Path dir) throws IOException {
        for (Path p : mountPointsUnder(dir, mountinfo())) {
            if (isMountPoint(p)) {
                unmountLazy(p);
            }
        }
    }

    /** Whether {@code path} is a mount point in this process's mount namespace. */
    public static boolean isMountPoint(Path path) throws IOException {
        return isMountPoint(path, mountinfo());
    }

    /** Whether {@code path} is the mount point (field 5) of one of these mountinfo lines. */
    static boolean isMountPoint(Path path, List<String> mountinfo) {
        String target = path.toAbsolutePath().normalize().toString();
        return mountPoints(mountinfo).stream().anyMatch(target::equals);
    }

    /** Mount points at or below {@code dir} in these mountinfo lines, the deepest first. */
    static List<Path> mountPointsUnder(Path dir, List<String> mountinfo) {
        Path root = dir.toAbsolutePath().normalize();
        return mountPoints(mountinfo).stream()
                .map(Path::of)
                .filter(p -> p.startsWith(root))
                .distinct()
                .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                .toList();
    }

    private static List<String> mountinfo() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo"));
    }

    private static List<String> mountPoints(List<String> mountinfo) {
        List<String> points = new ArrayList<>();
        for (String line : mountinfo) {
            String[] f = line.split(" ");
            if (f.length > 4) {
                points.add(unescape(f[4]));
            }
        }
        return points;
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
