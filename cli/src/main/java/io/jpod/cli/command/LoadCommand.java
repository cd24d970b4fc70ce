package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jpod load -i ARCHIVE}: OCI archives and docker-archives. */
@Command(
        name = "load",
        description = "Load images from an OCI or docker archive.",
        footer = {"Examples:", "  jpod load -i busybox.tar"})
public final class LoadCommand implements Callable<Integer> {

    @Option(
            names = {"-i", "--input"},
            required = true,
            paramLabel = "ARCHIVE",
            description = "The archive to read.")
    Path input;

    @Override
    public Integer call() throws Exception {
        for (Image image : Engine.open(System.getenv()).load(input)) {
            System.out.println(
                    "Loaded image: "
                            + (image.names().isEmpty()
                                    ? image.id()
                                    : String.join(", ", image.names())));
        }
        return ExitCodes.OK;
    }
}
