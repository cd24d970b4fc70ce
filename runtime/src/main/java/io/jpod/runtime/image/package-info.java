/**
 * The local image store: {@code load} and {@code save} of OCI archives and docker-archives, images
 * pulled from registries ({@link io.jpod.runtime.image.registry}), {@code import} of root file
 * systems, listing, lookup and removal, and the layer directories a container's overlay is built
 * from.
 *
 * <p>Layout under the store root ({@code $XDG_DATA_HOME/jpod} rootless, {@code /var/lib/jpod} as
 * root):
 *
 * <pre>
 * images.json             the index: images (id, names, diff ids, config, created, size) and layer sizes;
 *                         replaced whole by atomic rename; only what it lists exists
 * images.lock             held (FileChannel lock) by every command that changes the store, for its whole run
 * blobs/sha256/&lt;hex&gt;     image configs, content-addressed; the image id is the config's digest
 * layers/&lt;hex&gt;/           one extracted layer per diff id (sha256 of the uncompressed tar), in overlay
 *                         form: whiteouts are 0/0 character devices, opaque directories carry
 *                         user.overlay.opaque=y (mount with userxattr)
 * tar-split/&lt;hex&gt;         per layer, the tar's bytes but file contents, which point into layers/: what
 *                         save needs to write the layer tar again byte for byte (its diff id)
 * tmp/                    extraction in progress (layer-*, split-*; a pulled blob is streamed into
 *                         its extraction, never kept whole); emptied by the next command that changes
 *                         the store
 * </pre>
 *
 * Every layer is extracted into {@code tmp/} and renamed into {@code layers/} only after its digest
 * and diff id check out; images.json is written last. So a kill -9 at any point leaves only files
 * the index does not list, and the next changing command removes them. A pull holds the lock from
 * its first layer blob to the index write, so two pulls of one image run one after the other and
 * the second finds the layers there.
 *
 * <p>Extraction sets owners from the tar headers, so it must run as root: in the user namespace for
 * rootless use, where an owner outside the subuid mapping fails the layer with a message naming it.
 */
package io.jpod.runtime.image;
