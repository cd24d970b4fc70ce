/**
 * The JSON documents of the OCI image spec and their Docker twins (manifest schema 2, manifest
 * list), one record per media type, read leniently and written with nulls left out.
 */
package io.jpod.runtime.image.oci;
