/**
 * A client of the OCI distribution (registry v2) API on {@code java.net.http}: one class per
 * endpoint ({@link RegistryPing} {@code /v2/}, {@link ManifestPuller}, {@link BlobPuller}, {@link
 * TokenAuthenticator} for a Bearer challenge's realm) over one {@link RegistryTransport} that
 * authenticates, retries and follows redirects; {@link ImagePuller} puts them together into the
 * image store.
 *
 * <p>Nothing fetched is trusted before its digest is checked: manifests against the digest asked
 * for (and the one the registry states), blobs against their descriptor's size and digest, in a
 * temporary file of the store, before they are extracted the same way {@code load} extracts.
 */
package io.jpod.runtime.image.registry;
