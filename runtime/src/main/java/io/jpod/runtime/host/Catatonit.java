package io.jpod.runtime.host;

import java.nio.file.Path;
import java.util.List;

/**
 * catatonit, the small init that holds namespaces: the pause process runs it to keep jpod's user
 * and mount namespaces, and each pod's infra container runs the same binary, bind-mounted into an
 * empty root at {@link #IN_CONTAINER}. Found once, so both are the same file.
 */
public record Catatonit(Path binary) {

    /** Where the infra container sees the binary. */
    public static final String IN_CONTAINER = "/catatonit";

    /** The one on PATH; the Debian package's place when PATH has none. */
    public static Catatonit find() {
        return new Catatonit(Binaries.onPath("catatonit").orElse(Path.of("/usr/bin/catatonit")));
    }

    /** The pause process: catatonit that only waits ({@code -P}). */
    public List<String> pauseArgv() {
        return List.of(binary.toString(), "-P");
    }

    /** The infra container's process, as the container sees it. */
    public static List<String> infraArgv() {
        return List.of(IN_CONTAINER, "-P");
    }
}
