package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jpod load -i ARCHIVE}: OCI archives and docker-archives. */
@Command(name = "load", description = "Load images from an OCI or docker archive.")
public final class LoadCommand implements Callable<Integer> {

    @Option(
            names = {"-i", "--input"},
            required = true,
            paramLabel = "ARCHIVE",
            description = "The archive to read.")
    Path input;

    @Override
    public Integer call() throws Exception {
        Runtime rt = Runtime.open(System.getenv());
        for (Image image : rt.images().load(input.toAbsolutePath())) {
            System.out.println(
                    "Loaded image: "
                            + (image.names().isEmpty()
                                    ? image.id()
                                    : String.join(", ", image.names())));
        }
        return ExitCodes.OK;
    }
}
