package io.jpod.runtime.image.archive;

import io.jpod.runtime.image.oci.Platform;

import java.io.IOException;
import java.util.List;

/** Tells the two archive formats apart and reads the images of either. */
public final class ArchiveReader {

    static final int MAX_JSON_SIZE = 32 << 20;

    private ArchiveReader() {}

    /** docker-archive when manifest.json is there (Docker 25+ writes both), else OCI layout. */
    public static List<ArchivedImage> read(ArchiveFile archive, Platform platform)
            throws IOException, ArchiveException {
        if (archive.contains("manifest.json")) {
            return new DockerArchiveReader(archive).read();
        }
        if (archive.contains("index.json")) {
            return new OciArchiveReader(archive, platform).read();
        }
        throw new ArchiveException(
                "not an OCI archive or docker-archive: it has neither index.json nor"
                        + " manifest.json");
    }
}
