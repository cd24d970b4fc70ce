package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.image.archive.ArchiveFormat;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jpod save [-o FILE] [--format oci-archive|docker-archive] IMAGE...}. Every name is an
 * image, as podman's {@code --multi-image-archive} reads them; {@code -m} is accepted for scripts
 * that pass it.
 */
@Command(
        name = "save",
        description = "Save images to an archive (docker-archive by default).",
        footer = {
            "Examples:",
            "  jpod save -o busybox.tar busybox",
            "  jpod save --format oci-archive -o images.tar web:1 db:2"
        })
public final class SaveCommand implements Callable<Integer> {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE (default: standard output, which must not be a terminal).")
    Path output;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "docker-archive",
            description = "docker-archive or oci-archive (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = {"-m", "--multi-image-archive"},
            description = "Accepted for podman's scripts: every name is an image anyway.")
    boolean multiImage;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing (save prints nothing but errors anyway).")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() throws Exception {
        ArchiveFormat archive =
                ArchiveFormat.parse(format)
                        .orElseThrow(
                                () ->
                                        new JpodException(
                                                "unsupported format "
                                                        + format
                                                        + ": use docker-archive or oci-archive"));
        Engine engine = Engine.open(System.getenv());
        if (output != null) {
            engine.save(images, archive, output);
        } else if (Terminal.attached()) {
            throw new JpodException(
                    "refusing to save to the terminal: use -o FILE or redirect the output");
        } else {
            OutputStream out = new BufferedOutputStream(System.out, 65536);
            engine.save(images, archive, out);
            out.flush();
        }
        return ExitCodes.OK;
    }
}
