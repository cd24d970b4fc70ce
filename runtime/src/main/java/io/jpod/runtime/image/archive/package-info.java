/**
 * Reading image archives: OCI image layouts in a tar ({@code podman save --format oci-archive},
 * {@code skopeo copy ... oci-archive:}) and docker-archives ({@code docker save}, {@code podman
 * save}). Readers only find and verify what is in an archive; storing it is the image store's
 * business.
 */
package io.jpod.runtime.image.archive;
