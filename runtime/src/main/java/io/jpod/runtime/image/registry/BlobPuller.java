package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * {@code GET /v2/NAME/blobs/DIGEST}: a layer as a stream for the store to extract as it arrives
 * (see {@link BlobStream}), a config into memory.
 */
final class BlobPuller {

    private final RegistryTransport transport;
    private final Retries retries;

    BlobPuller(RegistryTransport transport, Retries retries) {
        this.transport = transport;
        this.retries = retries;
    }

    /**
     * Opens a blob: exactly its descriptor's size is delivered, resumed across dropped connections;
     * the reader checks the digest.
     */
    InputStream open(String repository, Descriptor descriptor, PullListener listener)
            throws IOException, RegistryException {
        return BlobStream.open(
                transport, retries, repository, descriptor, digest(descriptor), listener);
    }

    /** Fetches a small blob (a config) into memory, its size and digest checked. */
    byte[] read(String repository, Descriptor descriptor, int max)
            throws IOException, RegistryException {
        Digest expected = digest(descriptor);
        if (descriptor.size() > max) {
            throw new RegistryException(
                    "blob "
                            + expected
                            + " is too large for a config: "
                            + descriptor.size()
                            + " bytes");
        }
        HttpResponse<InputStream> response =
                transport.get(
                        "/v2/" + repository + "/blobs/" + expected,
                        ManifestPuller.scope(repository),
                        Map.of());
        byte[] content;
        try (InputStream in = response.body()) {
            content = in.readNBytes(max + 1);
        }
        Digest actual = Digest.of(content);
        if (content.length != descriptor.size() || !actual.equals(expected)) {
            throw new RegistryException(
                    "blob "
                            + expected
                            + " from "
                            + transport.host()
                            + "/"
                            + repository
                            + " does not match its digest: got "
                            + actual
                            + ", "
                            + content.length
                            + " bytes of "
                            + descriptor.size());
        }
        return content;
    }

    private static Digest digest(Descriptor descriptor) throws RegistryException {
        try {
            return Digest.parse(descriptor.digest());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    "a manifest names a blob by a bad digest: " + e.getMessage());
        }
    }
}
