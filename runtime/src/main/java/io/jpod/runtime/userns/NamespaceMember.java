package io.jpod.runtime.userns;

import io.jpod.runtime.host.HostLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A live process still inside jpod's user and mount namespaces after the pause process that held
 * them died: one of this run directory's conmons, which are started inside both (a container's own
 * processes are not: runc gives them mount namespaces of their own). Through it the namespaces can
 * be entered again, so running pods stay reachable, as podman does.
 */
final class NamespaceMember {

    private NamespaceMember() {}

    /** A conmon of {@code layout}'s run directory in a user namespace other than ours. */
    static OptionalLong find(HostLayout layout) throws IOException {
        Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/user"));
        String runDir = layout.runDir().toString();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                if (isConmonOf(proc, runDir) && !own.equals(userNamespace(proc))) {
                    return OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
                }
            }
        }
        return OptionalLong.empty();
    }

    private static boolean isConmonOf(Path proc, String runDir) {
        try {
            return Files.readString(proc.resolve("comm")).strip().equals("conmon")
                    && new String(
                                    Files.readAllBytes(proc.resolve("cmdline")),
                                    StandardCharsets.UTF_8)
                            .contains(runDir);
        } catch (IOException gone) {
            return false; // exited meanwhile, or another user's
        }
    }

    private static Path userNamespace(Path proc) {
        try {
            return Files.readSymbolicLink(proc.resolve("ns/user"));
        } catch (IOException e) {
            return null;
        }
    }
}
