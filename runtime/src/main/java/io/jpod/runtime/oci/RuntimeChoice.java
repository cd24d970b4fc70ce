package io.jpod.runtime.oci;

import io.jpod.runtime.host.CgroupMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which OCI runtime to drive, and why. crun is preferred (smaller, faster) but refuses cgroup v1
 * hybrid hosts outright, so there runc is used. {@code JPOD_RUNTIME} (a name or path) overrides the
 * choice.
 */
public record RuntimeChoice(String name, Path binary, String reason) {

    private static final List<Path> DIRS =
            List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"), Path.of("/usr/local/bin"));

    public static RuntimeChoice choose(CgroupMode cgroups, String override) {
        return choose(cgroups, override, DIRS);
    }

    /** As {@link #choose(CgroupMode, String)}, looking for runtimes by name in {@code dirs}. */
    static RuntimeChoice choose(CgroupMode cgroups, String override, List<Path> dirs) {
        if (override != null && !override.isBlank()) {
            Path path = override.contains("/") ? Path.of(override) : find(override, dirs);
            if (path == null || !Files.isExecutable(path)) {
                throw new IllegalStateException(
                        "OCI runtime " + override + " (JPOD_RUNTIME) not found");
            }
            return new RuntimeChoice(path.getFileName().toString(), path, "set by JPOD_RUNTIME");
        }
        Path crun = find("crun", dirs);
        Path runc = find("runc", dirs);
        if (crun != null && cgroups == CgroupMode.UNIFIED) {
            return new RuntimeChoice("crun", crun, "crun preferred on cgroup v2");
        }
        if (runc != null) {
            String why =
                    crun == null
                            ? "crun not installed"
                            : "crun refuses cgroup "
                                    + cgroups.label()
                                    + " hosts; fell back to runc";
            return new RuntimeChoice("runc", runc, why);
        }
        if (crun != null) {
            return new RuntimeChoice(
                    "crun", crun, "runc not installed; crun may fail on cgroup " + cgroups.label());
        }
        throw new IllegalStateException("no OCI runtime found: install runc or crun");
    }

    private static Path find(String name, List<Path> dirs) {
        for (Path dir : dirs) {
            Path candidate = dir.resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
