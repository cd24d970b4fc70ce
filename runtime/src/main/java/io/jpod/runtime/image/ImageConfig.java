package io.jpod.runtime.image;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an image sets for its containers. Never null: absent lists are empty, absent strings are "".
 *
 * @param env {@code KEY=value} entries
 * @param exposedPorts {@code 80/tcp} style
 * @param stopSignal the image's STOPSIGNAL ({@code SIGQUIT}, {@code 3}), "" when unset; images
 *     stored by an older jpod read as unset
 */
public record ImageConfig(
        List<String> entrypoint,
        List<String> cmd,
        List<String> env,
        String workingDir,
        String user,
        Map<String, String> labels,
        List<String> exposedPorts,
        String stopSignal) {

    public static final ImageConfig EMPTY =
            new ImageConfig(null, null, null, null, null, null, null, null);

    public ImageConfig(
            List<String> entrypoint,
            List<String> cmd,
            List<String> env,
            String workingDir,
            String user,
            Map<String, String> labels,
            List<String> exposedPorts) {
        this(entrypoint, cmd, env, workingDir, user, labels, exposedPorts, null);
    }

    public ImageConfig {
        stopSignal = stopSignal == null ? "" : stopSignal;
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
    }
}
