package io.jpod.runtime.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/** A typed, sized pointer to a blob. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Descriptor(
        String mediaType,
        String digest,
        long size,
        Map<String, String> annotations,
        Platform platform) {

    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    public static final String CONTAINERD_NAME = "io.containerd.image.name";

    public String annotation(String key) {
        return annotations == null ? null : annotations.get(key);
    }
}
