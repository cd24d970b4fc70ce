package io.jpod.runtime.image.registry;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * One registry, as a host name: its manifests and blobs, and a check of credentials. Close it when
 * done: that closes its connections.
 */
public final class RegistryClient implements AutoCloseable {

    private final RegistryTransport transport;
    private final RegistryOptions options;

    private RegistryClient(RegistryTransport transport, RegistryOptions options) {
        this.transport = transport;
        this.options = options;
    }

    /**
     * Nothing is sent until the first request.
     *
     * @param host as in an image reference: {@code registry.example:5000}; {@code docker.io} is
     *     served from {@code registry-1.docker.io}
     */
    public static RegistryClient open(
            String host, Optional<Credentials> credentials, RegistryOptions options)
            throws IOException {
        return new RegistryClient(
                new RegistryTransport(
                        apiHost(host),
                        credentials,
                        options,
                        RegistryTransport.newClient(options),
                        Clock.systemUTC()),
                options);
    }

    static String apiHost(String host) {
        return host.equals("docker.io") ? "registry-1.docker.io" : host;
    }

    /** Throws when the registry refuses the credentials. */
    public void verifyCredentials() throws IOException, RegistryException {
        transport.verifyCredentials();
    }

    RegistryManifest manifest(String repository, String reference)
            throws IOException, RegistryException {
        return new ManifestPuller(transport).pull(repository, reference);
    }

    BlobPuller blobs() {
        return new BlobPuller(transport, options.retries());
    }

    @Override
    public void close() {
        transport.close();
    }
}
