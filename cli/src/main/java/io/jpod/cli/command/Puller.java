package io.jpod.cli.command;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.ImageRef;
import io.jpod.runtime.image.oci.Platform;
import io.jpod.runtime.image.registry.AuthFile;
import io.jpod.runtime.image.registry.Credentials;
import io.jpod.runtime.image.registry.ImagePuller;
import io.jpod.runtime.image.registry.PullListener;
import io.jpod.runtime.image.registry.RegistryClient;
import io.jpod.runtime.image.registry.RegistryOptions;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pulls images for one command, as its {@link PullOptions} say: one client per registry. */
final class Puller {

    private final Runtime rt;
    private final PullOptions options;
    private final Map<String, String> env;
    private final Map<String, RegistryClient> clients = new HashMap<>();

    Puller(Runtime rt, PullOptions options, Map<String, String> env) {
        this.rt = rt;
        this.options = options;
        this.env = env;
    }

    /** The fully qualified reference a name is pulled by; throws saying how to qualify it. */
    ImageRef qualify(String reference) throws ImageException {
        try {
            if (!ImageRef.hasDomain(reference)) {
                throw new ImageException(
                        "short-name "
                                + reference
                                + " did not resolve: no unqualified-search registries are"
                                + " configured; use a fully qualified name such as"
                                + " docker.io/library/"
                                + reference);
            }
            return ImageRef.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new ImageException(e.getMessage(), e);
        }
    }

    Image pull(String reference) throws IOException, ImageException {
        ImageRef ref = qualify(reference);
        if (ref.domain().equals(ImageRef.LOCALHOST)) {
            throw new ImageException(
                    "image not known: "
                            + ref
                            + " (localhost/ names local images, which are never pulled)");
        }
        Platform platform;
        try {
            platform =
                    options.platform == null ? Platform.host() : Platform.parse(options.platform);
        } catch (IllegalArgumentException e) {
            throw new ImageException(e.getMessage(), e);
        }
        RegistryClient client = clients.get(ref.domain());
        if (client == null) {
            client =
                    RegistryClient.open(
                            ref.domain(),
                            credentials(ref.domain()),
                            RegistryOptions.defaults()
                                    .withTlsVerify(options.tlsVerify)
                                    .withCertDir(Optional.ofNullable(options.certDir)));
            clients.put(ref.domain(), client);
        }
        PullProgress progress =
                options.quiet ? null : new PullProgress(System.err, PullProgress.onTerminal());
        if (progress != null) {
            progress.trying(ref.toString());
        }
        Image image =
                new ImagePuller(
                                client,
                                platform,
                                progress == null ? PullListener.NONE : progress,
                                ImagePuller.DEFAULT_PARALLEL)
                        .pull(rt.images(), ref);
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
