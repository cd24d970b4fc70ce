/**
 * Layers: safe extraction of layer tars into overlay form (whiteouts as 0/0 character devices,
 * opaque directories as {@code user.overlay.opaque=y}), and the store of extracted layers keyed by
 * diff id. Privileged file operations go through {@link io.jpod.runtime.image.layer.FileOps}.
 */
package io.jpod.runtime.image.layer;
