/**
 * A client of the OCI distribution (registry v2) API on {@code java.net.http}: one class per
 * endpoint ({@link RegistryPing} {@code /v2/}, {@link ManifestPuller}, {@link BlobPuller}, {@link
 * TokenAuthenticator} for a Bearer challenge's realm) over one {@link RegistryTransport} that
 * authenticates, retries and follows redirects; {@link ImagePuller} puts them together into the
 * image store.
 *
 * <p>Nothing fetched is trusted before its digest is checked: manifests against the digest asked
 * for (and the one the registry states), a config against its descriptor's size and digest before
 * it is parsed. A layer blob is streamed ({@link BlobStream}) into the same extraction as {@code
 * load}'s, into a temporary directory of the store that is renamed into place only once the blob's
 * size and digest (and the diff id) have checked out.
 */
package io.jpod.runtime.image.registry;
