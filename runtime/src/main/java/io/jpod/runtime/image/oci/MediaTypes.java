package io.jpod.runtime.image.oci;

/** The media types of indexes and manifests, OCI and Docker alike. */
public final class MediaTypes {

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String DOCKER_MANIFEST_LIST =
            "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST =
            "application/vnd.docker.distribution.manifest.v2+json";

    /** Docker's signed schema 1, which nothing current writes and jpod does not read. */
    public static final String DOCKER_SCHEMA1 =
            "application/vnd.docker.distribution.manifest.v1+json";

    public static final String DOCKER_SCHEMA1_SIGNED =
            "application/vnd.docker.distribution.manifest.v1+prettyjws";

    private MediaTypes() {}

    public static boolean isSchema1(String mediaType) {
        return DOCKER_SCHEMA1.equals(mediaType) || DOCKER_SCHEMA1_SIGNED.equals(mediaType);
    }

    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }

    public static boolean isManifest(String mediaType) {
        return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
    }
}
