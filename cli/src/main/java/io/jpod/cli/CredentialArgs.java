package io.jpod.cli;

import io.jpod.runtime.userns.Reexec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code --creds} out of the argv of the re-run inside the user namespace, which any user on
 * the host can read in /proc: its value travels in the environment instead, as {@value #ENV}.
 */
public final class CredentialArgs {

    /** Read by {@code --creds} as its default. */
    public static final String ENV = "JPOD_CREDS";

    private static final Set<String> VERBS = Set.of("pull", "play", "kube");

    private CredentialArgs() {}

    static Reexec.Relaunch relaunch(String[] args) {
        if (args.length == 0 || !VERBS.contains(args[0])) {
            return Reexec.Relaunch.SAME;
        }
        List<String> kept = new ArrayList<>();
        String creds = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                kept.addAll(List.of(args).subList(i, args.length));
                break;
            }
            if (a.startsWith("--creds=")) {
                creds = a.substring("--creds=".length());
            } else if (a.equals("--creds") && i + 1 < args.length) {
                creds = args[++i];
            } else {
                kept.add(a);
            }
        }
        return creds == null
                ? Reexec.Relaunch.SAME
                : new Reexec.Relaunch(args.length, kept, Map.of(ENV, creds));
    }
}
