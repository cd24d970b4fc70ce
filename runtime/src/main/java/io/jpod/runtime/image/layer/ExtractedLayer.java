package io.jpod.runtime.image.layer;

import io.jpod.runtime.image.blob.Digest;

/** A layer in the store: its diff id (digest of the uncompressed tar) and the size of that tar. */
public record ExtractedLayer(Digest diffId, long size) {}
