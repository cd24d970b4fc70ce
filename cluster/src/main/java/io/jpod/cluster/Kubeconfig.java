package io.jpod.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which kubeconfig and context an apply uses: {@code --kubeconfig}, else the first existing file of
 * {@code $KUBECONFIG}, else {@code ~/.kube/config}. Unlike kubectl, no kubeconfig at all is an
 * error rather than a silent {@code localhost:8080}: jpod's own pods are no cluster.
 */
final class Kubeconfig {
    /** Requests fail within these rather than fabric8's minutes of retries. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private static final int REQUEST_TIMEOUT_MS = 30_000;

    private Kubeconfig() {}

    static Path locate(Path explicit, Map<String, String> env) throws ApplyException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new ApplyException("kubeconfig " + explicit + " does not exist");
            }
            return explicit;
        }
        String list = env.getOrDefault("KUBECONFIG", "");
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
                return Path.of(entry);
            }
        }
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path fallback = home.resolve(".kube").resolve("config");
        if (Files.isRegularFile(fallback)) {
            return fallback;
        }
        throw new ApplyException(
                "no kubeconfig: "
                        + (list.isBlank() ? "" : "none of $KUBECONFIG (" + list + ") exists, ")
                        + fallback
                        + " does not exist; pass --kubeconfig FILE or set KUBECONFIG");
    }

    static Config load(Path file, String context) throws ApplyException {
        io.fabric8.kubernetes.api.model.Config parsed;
        try {
            parsed = KubeConfigUtils.parseConfig(file.toFile());
        } catch (RuntimeException e) {
            throw new ApplyException(
                    List.of("kubeconfig " + file + " does not parse: " + e.getMessage()), e);
        }
        List<String> names =
                parsed.getContexts() == null
                        ? List.of()
                        : parsed.getContexts().stream().map(NamedContext::getName).toList();
        String chosen = context != null ? context : parsed.getCurrentContext();
        if (chosen == null || chosen.isEmpty()) {
            throw new ApplyException(
                    "kubeconfig "
                            + file
                            + " has no current-context; pass --context (one of "
                            + names
                            + ")");
        }
        if (!names.contains(chosen)) {
            throw new ApplyException(
                    "context \""
                            + chosen
                            + "\" does not exist in kubeconfig "
                            + file
                            + " (contexts: "
                            + String.join(", ", names)
                            + ")");
        }
        Config config;
        try {
            config = Config.fromKubeconfig(chosen, file.toFile());
        } catch (RuntimeException e) {
            throw new ApplyException(
                    List.of("kubeconfig " + file + ", context " + chosen + ": " + e.getMessage()),
                    e);
        }
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        config.setRequestRetryBackoffLimit(0);
        return config;
    }
}
