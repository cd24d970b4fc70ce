package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.blob.Digest;

/**
 * A manifest or index as the registry sent it, its digest already checked.
 *
 * @param mediaType from the document, else from the response's Content-Type
 */
public record RegistryManifest(String mediaType, byte[] content, Digest digest) {}
