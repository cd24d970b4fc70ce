package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code jpod image inspect|prune}. */
@Command(
        name = "image",
        description = "Manage images.",
        subcommands = {ImageCommand.Inspect.class, ImageCommand.Prune.class},
        footer = {
            "Examples:",
            "  jpod image inspect localhost/jpod-busybox",
            "  jpod image prune -a"
        })
public final class ImageCommand {

    /** {@code jpod image inspect IMAGE...}: images only, as podman's JSON. */
    @Command(
            name = "inspect",
            description = "Show images as JSON.",
            footer = {
                "Examples:",
                "  jpod image inspect localhost/jpod-busybox:latest",
                "  jpod image inspect -f '{{.Id}}' localhost/jpod-busybox:latest"
            })
    public static final class Inspect implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "IMAGE")
        List<String> names;

        @Option(
                names = {"-f", "--format"},
                paramLabel = "FORMAT",
                description = "Print with a Go template (`{{.Id}}`), or json.")
        String format;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            List<Map<String, Object>> docs = new ArrayList<>();
            int code = ExitCodes.OK;
            for (String name : names) {
                var image = engine.findImage(name);
                if (image.isEmpty()) {
                    code = Errors.report(new JpodException(name + ": image not known"));
                } else {
                    docs.add(ImagesCommand.inspect(image.get()));
                }
            }
            FormatOption.printDocuments(format, docs, "inspect");
            return code;
        }
    }

    /**
     * {@code jpod image prune [-a]}: removes images with no name (with {@code -a}, every image)
     * that no container uses.
     */
    @Command(
            name = "prune",
            description = "Remove unused images.",
            footer = {"Examples:", "  jpod image prune", "  jpod image prune -a"})
    public static final class Prune implements Callable<Integer> {

        @Option(
                names = {"-a", "--all"},
                description = "Remove every unused image, not only those without a name.")
        boolean all;

        @Option(
                names = {"-f", "--force"},
                description = "Do not ask (jpod never asks).")
        boolean force;

        @Override
        public Integer call() throws Exception {
            Engine engine = Engine.open(System.getenv());
            Set<String> used = new HashSet<>();
            for (PodRecord pod : engine.pods()) {
                pod.allContainers().forEach(c -> used.add(c.imageId()));
            }
            int code = ExitCodes.OK;
            for (Image image : engine.images()) {
                if ((all || image.names().isEmpty()) && !used.contains(image.id())) {
                    try {
                        // checked again under the state lock: a play may take it meanwhile
                        engine.removeImage(image.id());
                        System.out.println(image.hexId());
                    } catch (JpodException e) {
                        code = Errors.report(e);
                    }
                }
            }
            return code;
        }
    }
}
