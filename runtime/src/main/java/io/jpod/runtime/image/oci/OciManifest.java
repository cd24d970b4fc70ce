package io.jpod.runtime.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** {@code application/vnd.oci.image.manifest.v1+json} and Docker's manifest schema 2. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OciManifest(
        int schemaVersion, String mediaType, Descriptor config, List<Descriptor> layers) {

    public List<Descriptor> layersOrEmpty() {
        return layers == null ? List.of() : layers;
    }
}
