package io.jpod.runtime.image.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Json;
import io.jpod.runtime.image.oci.MediaTypes;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v2/NAME/manifests/REFERENCE}, accepting OCI and Docker schema 2 manifests and their
 * indexes. The content's digest must equal the digest asked for and the one the registry states;
 * schema 1 is refused.
 */
final class ManifestPuller {

    /** What the distribution spec lets a registry refuse to serve above; far above real ones. */
    static final int MAX_SIZE = 4 << 20;

    static final String ACCEPT =
            String.join(
                    ", ",
                    MediaTypes.OCI_INDEX,
                    MediaTypes.OCI_MANIFEST,
                    MediaTypes.DOCKER_MANIFEST_LIST,
                    MediaTypes.DOCKER_MANIFEST);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Head(int schemaVersion, String mediaType) {}

    private final RegistryTransport transport;

    ManifestPuller(RegistryTransport transport) {
        this.transport = transport;
    }

    /**
     * @param reference a tag or {@code sha256:<hex>}
     */
    RegistryManifest pull(String repository, String reference)
            throws IOException, RegistryException {
        String name =
                transport.host()
                        + "/"
                        + repository
                        + (reference.startsWith("sha256:") ? "@" : ":")
                        + reference;
        HttpResponse<InputStream> response;
        try {
            response =
                    transport.get(
                            "/v2/" + repository + "/manifests/" + reference,
                            scope(repository),
                            Map.of("Accept", ACCEPT));
        } catch (RegistryException e) {
            if (e.status() == 404) {
                throw new RegistryException(404, "manifest unknown: " + name);
            }
            throw e;
        }
        byte[] content;
        try (InputStream in = response.body()) {
            content = in.readNBytes(MAX_SIZE + 1);
        }
        if (content.length > MAX_SIZE) {
            throw new RegistryException(
                    "manifest of " + name + " is larger than " + MAX_SIZE + " bytes");
        }
        Digest actual = Digest.of(content);
        if (reference.startsWith("sha256:") && !actual.toString().equals(reference)) {
            throw new RegistryException(
                    "manifest "
                            + reference
                            + " of "
                            + name
                            + " does not match its digest: got "
                            + actual);
        }
        Optional<String> stated = response.headers().firstValue("Docker-Content-Digest");
        if (stated.isPresent()
                && stated.get().startsWith("sha256:")
                && !stated.get().equals(actual.toString())) {
            throw new RegistryException(
                    "manifest of "
                            + name
                            + " does not match the digest the registry states ("
                            + stated.get()
                            + "): got "
                            + actual);
        }
        String contentType =
                response.headers()
                        .firstValue("Content-Type")
                        .map(t -> t.split(";")[0].strip())
                        .orElse("");
        Head head;
        try {
            head = Json.read(content, Head.class);
        } catch (IOException e) {
            throw new RegistryException("manifest of " + name + " is not valid JSON", e);
        }
        if (head.schemaVersion() == 1 || MediaTypes.isSchema1(contentType)) {
            throw new RegistryException(
                    name
                            + " has a Docker schema 1 manifest, which is deprecated and not"
                            + " supported: push the image again with a current client");
        }
        String mediaType = head.mediaType() != null ? head.mediaType() : contentType;
        if (!MediaTypes.isIndex(mediaType) && !MediaTypes.isManifest(mediaType)) {
            throw new RegistryException(
                    name
                            + ": unsupported manifest media type "
                            + (mediaType.isEmpty() ? "(none)" : mediaType));
        }
        return new RegistryManifest(mediaType, content, actual);
    }

    static String scope(String repository) {
        return "repository:" + repository + ":pull";
    }
}
