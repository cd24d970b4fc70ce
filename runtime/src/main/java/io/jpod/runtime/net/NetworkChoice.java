package io.jpod.runtime.net;

import java.util.Map;

/**
 * The user-mode network a pod gets unless it asks for the host's: {@code --network}, else {@link
 * #ENV}, else {@link #DEFAULT}.
 */
public final class NetworkChoice {

    public static final String ENV = "JPOD_NETWORK";
    public static final String DEFAULT = "slirp4netns";

    private NetworkChoice() {}

    /** The backend a play without {@code --network} uses, and why. */
    public static String describe(Map<String, String> env) {
        String set = env.get(ENV);
        return set == null || set.isBlank()
                ? DEFAULT + " (default)"
                : set + " (set by " + ENV + ")";
    }
}
