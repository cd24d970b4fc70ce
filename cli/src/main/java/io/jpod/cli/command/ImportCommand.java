package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod import ROOTFS.tar NAME [--change INSTRUCTION]...}. */
@Command(
        name = "import",
        description = "Create an image from a root filesystem tarball.",
        footer = {
            "Examples:",
            "  jpod import rootfs.tar localhost/base",
            "  jpod import -c 'CMD [\"sh\"]' -c 'ENV LANG=C' rootfs.tar localhost/base"
        })
public final class ImportCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--change"},
            paramLabel = "INSTRUCTION",
            description =
                    "Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, WORKDIR, USER, EXPOSE,"
                            + " LABEL, STOPSIGNAL.")
    List<String> changes = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "ROOTFS.tar")
    Path tarball;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
        Image image = Engine.open(System.getenv()).importRootfs(tarball, name, changes);
        System.out.println(image.hexId());
        return ExitCodes.OK;
    }
}
