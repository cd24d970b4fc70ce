package io.jpod.cli.command;

import io.jpod.cli.time.GoDuration;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.ImageRef;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.image.oci.Platform;
import io.jpod.runtime.image.registry.AuthFile;
import io.jpod.runtime.image.registry.Credentials;
import io.jpod.runtime.image.registry.ImagePuller;
import io.jpod.runtime.image.registry.PullListener;
import io.jpod.runtime.image.registry.PullSources;
import io.jpod.runtime.image.registry.RegistriesConf;
import io.jpod.runtime.image.registry.RegistryClient;
import io.jpod.runtime.image.registry.RegistryException;
import io.jpod.runtime.image.registry.RegistryOptions;
import io.jpod.runtime.image.registry.Retries;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pulls images for one command, as its {@link PullOptions} say: one client per registry, all closed
 * with the puller.
 */
final class Puller implements AutoCloseable {

    /**
     * Shortens the wait before the first retry (Go's syntax: {@code 100ms}, {@code 0.1s}; it still
     * doubles): tests set it, so that a registry that stays down fails them in well under a second.
     */
    static final String RETRY_DELAY_ENV = "JPOD_PULL_RETRY_DELAY";

    private final ImageStore store;
    private final PullOptions options;
    private final Map<String, String> env;
    private final Map<String, RegistryClient> clients = new HashMap<>();

    Puller(ImageStore store, PullOptions options, Map<String, String> env) {
        this.store = store;
        this.options = options;
        this.env = env;
    }

    /**
     * Pulls a name, trying what registries.conf makes of it in order: each search registry for a
     * short name, each mirror before the registry. A single failure is reported as it is.
     */
    Image pull(String reference) throws IOException, ImageException {
        RegistriesConf conf = RegistriesConf.load(env);
        Platform platform;
        try {
            platform =
                    options.platform == null ? Platform.host() : Platform.parse(options.platform);
        } catch (IllegalArgumentException e) {
            throw new ImageException(e.getMessage(), e);
        }
        List<ImageException> failures = new ArrayList<>();
        for (ImageRef name : PullSources.qualify(reference, conf)) {
            if (name.domain().equals(ImageRef.LOCALHOST)) {
                throw new ImageException(
                        "image not known: "
                                + name
                                + " (localhost/ names local images, which are never pulled)");
            }
            for (PullSources.Source source : PullSources.sources(name, conf)) {
                try {
                    return pull(source, platform);
                } catch (RegistryException e) {
                    failures.add(e);
                }
            }
        }
        if (failures.size() == 1) {
            throw failures.getFirst();
        }
        throw new ImageException(
                "pulling "
                        + reference
                        + ": "
                        + String.join("; ", failures.stream().map(Throwable::getMessage).toList()));
    }

    private Image pull(PullSources.Source source, Platform platform)
            throws IOException, ImageException {
        String host = source.from().domain();
        boolean verify = options.tlsVerify && !source.insecure();
        String key = host + (verify ? "" : " insecure");
        RegistryClient client = clients.get(key);
        if (client == null) {
            client =
                    RegistryClient.open(
                            host,
                            credentials(host),
                            RegistryOptions.defaults()
                                    .withTlsVerify(verify)
                                    .withCertDir(Optional.ofNullable(options.certDir))
                                    .withRetries(retries()));
            clients.put(key, client);
        }
        PullProgress progress =
                options.quiet ? null : new PullProgress(System.err, Terminal.attached());
        if (progress != null) {
            progress.trying(source.from().toString());
        }
        Image image =
                new ImagePuller(
                                client,
                                platform,
                                progress == null ? PullListener.NONE : progress,
                                ImagePuller.DEFAULT_PARALLEL)
                        .pull(store, source.from(), source.name());
        if (progress != null) {
            progress.written();
        }
        return image;
    }

    private Retries retries() throws ImageException {
        String delay = env.get(RETRY_DELAY_ENV);
        if (delay == null || delay.isBlank()) {
            return Retries.DEFAULT;
        }
        Duration first;
        try {
            first = GoDuration.parse(delay);
        } catch (IllegalArgumentException e) {
            throw new ImageException(RETRY_DELAY_ENV + ": " + e.getMessage(), e);
        }
        if (first.isNegative()) {
            throw new ImageException(RETRY_DELAY_ENV + ": a delay cannot be negative: " + delay);
        }
        return Retries.startingAt(first);
    }

    @Override
    public void close() {
        clients.values().forEach(RegistryClient::close);
        clients.clear();
    }

    private Optional<Credentials> credentials(String registry) throws IOException, ImageException {
        if (options.creds != null) {
            try {
                return Optional.of(Credentials.parse(options.creds));
            } catch (IllegalArgumentException e) {
                throw new ImageException("--creds: " + e.getMessage(), e);
            }
        }
        try {
            return AuthFile.lookup(
                    options.authfile != null ? List.of(options.authfile) : AuthFile.searchPath(env),
                    registry);
        } catch (IllegalArgumentException e) {
            throw new ImageException("auth file: " + e.getMessage(), e);
        }
    }
}
