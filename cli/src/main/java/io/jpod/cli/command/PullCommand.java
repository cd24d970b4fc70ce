package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.ImageStore;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jpod pull REF...}: progress on standard error, each image's id on standard output, as
 * podman prints them.
 */
@Command(
        name = "pull",
        description = "Pull images from a registry.",
        footer = {
            "Examples:",
            "  jpod pull docker.io/library/busybox:1.36",
            "  jpod pull --tls-verify=false 127.0.0.1:5000/app:1",
            "  jpod pull -q registry.example.com/team/app@sha256:<digest>"
        })
public final class PullCommand implements Callable<Integer> {

    @Mixin PullOptions options;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to pull.")
    List<String> references;

    @Override
    public Integer call() throws Exception {
        ImageStore store = Engine.open(System.getenv()).imageStore();
        int code = ExitCodes.OK;
        try (Puller puller = new Puller(store, options, System.getenv())) {
            for (String reference : references) {
                try {
                    Image image = puller.pull(reference);
                    System.out.println(image.hexId());
                } catch (ImageException e) {
                    System.err.println("Error: " + e.getMessage());
                    code = ExitCodes.ERROR;
                }
            }
        }
        return code;
    }
}
