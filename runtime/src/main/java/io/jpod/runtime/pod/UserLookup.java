package io.jpod.runtime.pod;

import io.jpod.runtime.exec.RootfsPaths;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolves an image or manifest user ("name", "uid", "uid:gid", "name:group") against the
 * container's rootfs.
 */
final class UserLookup {

    record Ids(long uid, long gid) {}

    private UserLookup() {}

    static Ids resolve(String user, Path rootfs) throws PodException {
        if (user == null || user.isEmpty()) {
            return new Ids(0, 0);
        }
        try {
            return lookup(user, rootfs);
        } catch (NumberFormatException e) {
            // "1000:" or ":1000", an id beyond 64 bits, or a passwd/group line with a non-numeric
            // id
            throw new PodException("invalid user " + user + ": " + e.getMessage(), e);
        }
    }

    private static Ids lookup(String user, Path rootfs) throws PodException {
        String[] parts = user.split(":", 2);
        long uid;
        Long primaryGid = null;
        if (parts[0].chars().allMatch(Character::isDigit)) {
            uid = Long.parseLong(parts[0]);
            String[] entry = find(rootfs, "/etc/passwd", 2, parts[0]);
            primaryGid = entry == null ? 0L : Long.parseLong(entry[3]);
        } else {
            String[] entry = find(rootfs, "/etc/passwd", 0, parts[0]);
            if (entry == null) {
                throw new PodException(
                        "user " + parts[0] + " not found in the image's /etc/passwd");
            }
            uid = Long.parseLong(entry[2]);
            primaryGid = Long.parseLong(entry[3]);
        }
        if (parts.length == 1) {
            return new Ids(uid, primaryGid);
        }
        if (parts[1].chars().allMatch(Character::isDigit)) {
            return new Ids(uid, Long.parseLong(parts[1]));
        }
        String[] group = find(rootfs, "/etc/group", 0, parts[1]);
        if (group == null) {
            throw new PodException("group " + parts[1] + " not found in the image's /etc/group");
        }
        return new Ids(uid, Long.parseLong(group[2]));
    }

    /** The image's file is read through its links as the container sees them, never the host's. */
    private static String[] find(Path rootfs, String file, int field, String value)
            throws PodException {
        try {
            Optional<List<String>> lines = RootfsPaths.readLines(rootfs, file);
            if (lines.isEmpty()) {
                return null;
            }
            for (String line : lines.get()) {
                String[] f = line.split(":", -1);
                if (f.length > 3 && f[field].equals(value)) {
                    return f;
                }
            }
            return null;
        } catch (IOException | NumberFormatException e) {
            throw new PodException("cannot read " + file + " of the image: " + e.getMessage(), e);
        }
    }
}
