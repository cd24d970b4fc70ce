package io.jpod.runtime.systemd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sockets systemd's socket activation handed this process (sd_listen_fds(3)): {@code
 * LISTEN_FDS} descriptors from 3 on, named by {@code LISTEN_FDNAMES}, and meant only for the
 * process {@code LISTEN_PID} names: a child that inherited the variables and not the descriptors
 * must not take them for its own.
 *
 * @param fds the descriptors in this process, in systemd's order
 * @param names their names, one per descriptor ({@code unknown} where systemd gave none)
 */
public record ListenFds(List<Integer> fds, List<String> names) {

    public static final String FDS = "LISTEN_FDS";
    public static final String PID = "LISTEN_PID";
    public static final String FDNAMES = "LISTEN_FDNAMES";

    /** The first descriptor systemd passes (SD_LISTEN_FDS_START). */
    public static final int START = 3;

    public ListenFds {
        fds = List.copyOf(fds);
        names = List.copyOf(names);
    }

    /** The sockets of the process {@code pid}, when the environment hands it some. */
    public static Optional<ListenFds> from(Map<String, String> env, long pid) {
        String listenPid = env.get(PID);
        String count = env.get(FDS);
        if (listenPid == null || count == null || !listenPid.strip().equals(Long.toString(pid))) {
            return Optional.empty();
        }
        int n;
        try {
            n = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (n <= 0) {
            return Optional.empty();
        }
        List<String> given =
                env.containsKey(FDNAMES)
                        ? Arrays.asList(env.get(FDNAMES).split(":", -1))
                        : List.of();
        List<Integer> fds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fds.add(START + i);
            names.add(i < given.size() && !given.get(i).isEmpty() ? given.get(i) : "unknown");
        }
        return Optional.of(new ListenFds(fds, names));
    }

    /**
     * The variables the container's process gets: the sockets at 3.. again, for its pid 1 (conmon
     * and runc hand them on at the same numbers, and the container's process is pid 1 of its own
     * pid namespace), as podman sets them.
     */
    public List<String> containerEnv() {
        return List.of(FDS + "=" + fds.size(), PID + "=1", FDNAMES + "=" + String.join(":", names));
    }
}
