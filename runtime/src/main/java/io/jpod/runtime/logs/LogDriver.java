package io.jpod.runtime.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where conmon writes a container's output, as podman's {@code --log-driver} names it: k8s-file
 * (jpod's default, read by {@code jpod logs}) or none (conmon keeps nothing). The choice is a
 * play's and holds for every run of the pod's containers, so it is kept in the pod's directory.
 */
public enum LogDriver {
    K8S_FILE("k8s-file"),
    NONE("none");

    /** The file in a pod's directory that marks a pod whose containers keep no log. */
    private static final String MARKER = "no-log";

    private final String spelled;

    LogDriver(String spelled) {
        this.spelled = spelled;
    }

    public String spelled() {
        return spelled;
    }

    public static LogDriver parse(String name) {
        for (LogDriver d : values()) {
            if (d.spelled.equals(name.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "--log-driver " + name + " is not supported: use k8s-file or none");
    }

    /** Keeps the choice for the pod whose directory this is. */
    public void record(Path podDir) throws IOException {
        if (this == NONE) {
            Files.createDirectories(podDir);
            Files.writeString(podDir.resolve(MARKER), "");
        }
    }

    /** The choice a play made for the pod whose directory this is. */
    public static LogDriver of(Path podDir) {
        return Files.exists(podDir.resolve(MARKER)) ? NONE : K8S_FILE;
    }
}
