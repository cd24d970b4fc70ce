package io.jpod.runtime.host;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which cgroup hierarchy the host runs; it decides which OCI runtime can work and which limits
 * apply.
 */
public enum CgroupMode {
    /** cgroup2 mounted at /sys/fs/cgroup. */
    UNIFIED("v2"),
    /** cgroup v1 controllers with a v2 tree beside them at /sys/fs/cgroup/unified. */
    HYBRID("v1 (hybrid)"),
    LEGACY("v1");

    private final String label;

    CgroupMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CgroupMode detect() {
        Path root = Path.of("/sys/fs/cgroup");
        try {
            if (Files.exists(root.resolve("cgroup.controllers"))) {
                return UNIFIED;
            }
            return Files.isDirectory(root.resolve("unified")) ? HYBRID : LEGACY;
        } catch (SecurityException e) {
            return LEGACY;
        }
    }
}
