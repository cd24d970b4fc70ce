package io.jpod.runtime.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Path lookup inside a container's rootfs as the container would see it: symbolic links, absolute
 * ones included, resolve against the rootfs, never the host.
 */
final class RootfsPaths {

    private static final int MAX_LINKS = 40;

    record Found(Path hostPath, boolean executable) {}

    private RootfsPaths() {}

    static Optional<Found> lookPath(Path rootfs, String program, String pathVar)
            throws IOException {
        if (program.contains("/")) {
            return resolve(rootfs, program);
        }
        for (String dir : pathVar.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Optional<Found> f = resolve(rootfs, dir + "/" + program);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Resolves a container path to the host file it names, or empty when it does not exist. */
    static Optional<Found> resolve(Path rootfs, String containerPath) throws IOException {
        Path current = rootfs;
        java.util.ArrayDeque<String> parts =
                new java.util.ArrayDeque<>(java.util.List.of(containerPath.split("/")));
        int links = 0;
        while (!parts.isEmpty()) {
            String part = parts.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(rootfs) ? rootfs : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    return Optional.empty();
                }
                String target = Files.readSymbolicLink(next).toString();
                java.util.List<String> rest =
                        new java.util.ArrayList<>(java.util.List.of(target.split("/")));
                rest.addAll(parts);
                parts = new java.util.ArrayDeque<>(rest);
                if (target.startsWith("/")) {
                    current = rootfs;
                }
                continue;
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            current = next;
        }
        if (!Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new Found(current, false));
        }
        Set<PosixFilePermission> perms =
                Files.getPosixFilePermissions(current, LinkOption.NOFOLLOW_LINKS);
        boolean exec =
                perms.contains(PosixFilePermission.OWNER_EXECUTE)
                        || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                        || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
        return Optional.of(new Found(current, exec));
    }
}
