package io.jpod.runtime.image.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes images into an archive of the format asked for. */
public final class ImageArchiveWriter {

    private ImageArchiveWriter() {}

    public static void write(
            List<SavedImage> images, ArchiveFormat format, LayerSource layers, OutputStream out)
            throws IOException, ArchiveException {
        ArchiveOutput archive = new ArchiveOutput(out, layers);
        switch (format) {
            case DOCKER_ARCHIVE -> DockerArchiveWriter.write(images, archive);
            case OCI_ARCHIVE -> OciArchiveWriter.write(images, archive);
        }
        archive.finish();
    }
}
