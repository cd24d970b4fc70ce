package io.jpod.runtime.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * {@code application/vnd.oci.image.index.v1+json}, also an OCI layout's index.json and a Docker
 * manifest list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OciIndex(int schemaVersion, String mediaType, List<Descriptor> manifests) {

    public List<Descriptor> manifestsOrEmpty() {
        return manifests == null ? List.of() : manifests;
    }
}
