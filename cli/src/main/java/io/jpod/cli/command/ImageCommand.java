package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Json;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
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
        subcommands = {ImageCommand.Inspect.class, ImageCommand.Prune.class})
public final class ImageCommand {

    /** {@code jpod image inspect IMAGE...}: images only, as podman's JSON. */
    @Command(name = "inspect", description = "Show images as JSON.")
    public static final class Inspect implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "IMAGE")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            Runtime rt = Runtime.open(System.getenv());
            List<Map<String, Object>> docs = new ArrayList<>();
            int code = ExitCodes.OK;
            for (String name : names) {
                var image = rt.images().find(name);
                if (image.isEmpty()) {
                    System.err.println("Error: " + name + ": image not known");
                    code = ExitCodes.ERROR;
                } else {
                    docs.add(ImagesCommand.inspect(image.get()));
                }
            }
            System.out.println(Json.pretty(docs));
            return code;
        }
    }

    /**
     * {@code jpod image prune [-a]}: removes images with no name (with {@code -a}, every image)
     * that no container uses.
     */
    @Command(name = "prune", description = "Remove unused images.")
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
            Runtime rt = Runtime.open(System.getenv());
            Set<String> used = used(rt);
            int code = ExitCodes.OK;
            for (Image image : rt.images().list()) {
                if ((all || image.names().isEmpty()) && !used.contains(image.id())) {
                    try {
                        rt.images().remove(image.id());
                        System.out.println(image.id().substring("sha256:".length()));
                    } catch (ImageException e) {
                        System.err.println("Error: " + e.getMessage());
                        code = ExitCodes.ERROR;
                    }
                }
            }
            return code;
        }

        private static Set<String> used(Runtime rt) throws IOException {
            Set<String> ids = new HashSet<>();
            for (PodRecord pod : rt.state().pods()) {
                for (ContainerRecord c : pod.containers()) {
                    ids.add(c.imageId());
                }
            }
            return ids;
        }
    }
}
