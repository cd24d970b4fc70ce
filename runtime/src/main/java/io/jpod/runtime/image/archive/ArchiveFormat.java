package io.jpod.runtime.image.archive;

import java.util.Arrays;
import java.util.Optional;

/** The archive formats {@code save} writes, by podman's names for them. */
public enum ArchiveFormat {
    DOCKER_ARCHIVE("docker-archive"),
    OCI_ARCHIVE("oci-archive");

    private final String spelling;

    ArchiveFormat(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<ArchiveFormat> parse(String spelling) {
        return Arrays.stream(values()).filter(f -> f.spelling.equals(spelling)).findFirst();
    }
}
