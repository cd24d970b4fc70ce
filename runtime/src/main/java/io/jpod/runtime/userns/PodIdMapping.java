package io.jpod.runtime.userns;

import io.jpod.runtime.oci.IdMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ids of a pod with a user namespace of its own (hostUsers: false): container ids 0..65535 onto
 * a part of jpod's namespace that is never the user's own uid. Rootless, jpod's namespace is the
 * user's uid at 0 and the subordinate range from 1, so the pod gets 1..65536 (subordinate ids on
 * the host). Rootful, jpod is the host's root: the pod gets a fixed high range, 2^30 onwards, which
 * no account of a usual system reaches.
 */
public final class PodIdMapping {

    /** Kubernetes' pod user namespaces have 65536 ids. */
    static final long SIZE = 65536;

    static final long ROOTFUL_START = 1L << 30;

    private PodIdMapping() {}

    public static IdMap choose(boolean rootless) throws IOException {
        if (!rootless) {
            return new IdMap(0, ROOTFUL_START, SIZE);
        }
        return forNamespace(Files.readString(Path.of("/proc/self/uid_map")));
    }

    /**
     * From jpod's own uid_map (and its gid_map, which newgidmap makes the same shape): the pod's
     * ids start at 1 and take what the namespace holds, up to {@link #SIZE}.
     */
    static IdMap forNamespace(String uidMap) throws IOException {
        long mapped = 0;
        for (String line : uidMap.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && Long.parseLong(f[0]) == mapped) {
                mapped += Long.parseLong(f[2]);
            }
        }
        long count = Math.min(SIZE, mapped - 1);
        if (count < 1) {
            throw new IOException(
                    "hostUsers: false needs subordinate ids: jpod's user namespace maps only the"
                            + " user's own uid (add a range to /etc/subuid and /etc/subgid)");
        }
        return new IdMap(0, 1, count);
    }
}
