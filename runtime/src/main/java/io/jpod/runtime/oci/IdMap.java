package io.jpod.runtime.oci;

/**
 * One line of a user namespace's uid_map (the same is used for gid_map): {@code count} ids from
 * {@code inside} in the pod's namespace are {@code outside} onwards in jpod's.
 */
public record IdMap(long inside, long outside, long count) {

    /** podman's spelling in inspect's IDMappings: {@code 0:1:65536}. */
    public String text() {
        return inside + ":" + outside + ":" + count;
    }

    /** What an id of jpod's namespace becomes when its file is shifted into the pod's. */
    public long shift(long id) {
        return id - inside + outside;
    }
}
