package io.jpod.runtime.pod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A pod volume handed to the pod's fsGroup, the kubelet's way (SetVolumeOwnership): every entry's
 * group set to it, rw for the group (r for read-only volumes), directories also x and setgid. jpod
 * runs as root of the user namespace, so the group is the container's gid as the container sees it;
 * a group outside the namespace's mapping is refused by the kernel, and said so.
 */
final class FsGroup {

    private static final int GROUP_RW = 0060;
    private static final int GROUP_R = 0040;
    private static final int GROUP_X_SETGID = 02010;

    private FsGroup() {}

    static void own(String volume, Path dir, long gid, boolean readOnly) throws PodException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setAttribute(p, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                mode |= readOnly ? GROUP_R : GROUP_RW;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    mode |= GROUP_X_SETGID;
                }
                Files.setAttribute(p, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new PodException(
                    "volume "
                            + volume
                            + ": cannot give it to fsGroup "
                            + gid
                            + " ("
                            + e.getMessage()
                            + "); rootless, a group must be within the user namespace's"
                            + " mapping (0-65535 with a usual /etc/subgid range)",
                    e);
        }
    }
}
