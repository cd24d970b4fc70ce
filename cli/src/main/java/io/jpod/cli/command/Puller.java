package io.jpod.cli.command;

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

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pulls images for one command, as its {@link PullOptions} say: one client per registry. */
final class Puller {

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
                                    .withCertDir(Optional.ofNullable(options.certDir)));
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
