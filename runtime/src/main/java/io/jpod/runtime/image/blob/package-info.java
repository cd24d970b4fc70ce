/** Content addresses: digests, hashing while streaming, and the store of small blobs. */
package io.jpod.runtime.image.blob;
