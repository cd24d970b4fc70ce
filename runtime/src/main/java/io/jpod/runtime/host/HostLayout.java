package io.jpod.runtime.host;

import io.jpod.runtime.sys.ProcInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where jpod keeps things for the user who runs it. Persistent data (images, container files,
 * state) lives under {@code $XDG_DATA_HOME/jpod} or {@code /var/lib/jpod} for root; what dies with
 * a reboot (runc state, netns files, exit files, sockets) under {@code $XDG_RUNTIME_DIR/jpod},
 * {@code /tmp/jpod-run-UID} when unset, or {@code /run/jpod}.
 *
 * <p>Inside the user namespace jpod is uid 0 but still rootless: the launching side passes the host
 * uid in {@link #HOST_UID_ENV}, so both sides compute the same directories.
 */
public record HostLayout(
        boolean rootless, long hostUid, Path dataDir, Path runDir, boolean inUserNamespace) {

    public static final String HOST_UID_ENV = "JPOD_HOST_UID";
    public static final String PAUSE_ENV = "JPOD_PAUSE_PID";

    public static HostLayout detect(Map<String, String> env) {
        boolean inside = env.containsKey(PAUSE_ENV) && env.containsKey(HOST_UID_ENV);
        long uid = inside ? Long.parseLong(env.get(HOST_UID_ENV)) : ProcInfo.selfUid();
        boolean rootless = uid != 0;
        Path data =
                env.containsKey("JPOD_DATA_DIR")
                        ? Path.of(env.get("JPOD_DATA_DIR"))
                        : defaultData(rootless, env);
        Path run =
                env.containsKey("JPOD_RUN_DIR")
                        ? Path.of(env.get("JPOD_RUN_DIR"))
                        : defaultRun(rootless, uid, env);
        return new HostLayout(rootless, uid, data.toAbsolutePath(), run.toAbsolutePath(), inside);
    }

    private static Path defaultData(boolean rootless, Map<String, String> env) {
        if (!rootless) {
            return Path.of("/var/lib/jpod");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jpod");
        }
        return Path.of(
                env.getOrDefault("HOME", System.getProperty("user.home")),
                ".local",
                "share",
                "jpod");
    }

    private static Path defaultRun(boolean rootless, long uid, Map<String, String> env) {
        if (!rootless) {
            return Path.of("/run/jpod");
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isWritable(Path.of(xdg))) {
            return Path.of(xdg, "jpod");
        }
        return Path.of("/tmp", "jpod-run-" + uid);
    }

    public Path images() {
        return dataDir.resolve("storage");
    }

    public Path containers() {
        return dataDir.resolve("containers");
    }

    public Path pods() {
        return dataDir.resolve("pods");
    }

    /**
     * Persistent volumes (persistentVolumeClaim), one directory each, as podman keeps named
     * volumes.
     */
    public Path volumes() {
        return dataDir.resolve("volumes");
    }

    public Path state() {
        return dataDir.resolve("state");
    }

    public Path runcRoot() {
        return runDir.resolve("runc");
    }

    public Path exits() {
        return runDir.resolve("exits");
    }

    public Path netns() {
        return runDir.resolve("netns");
    }

    public Path sockets() {
        return runDir.resolve("socket");
    }

    public Path pausePidFile() {
        return runDir.resolve("pause.pid");
    }
}
