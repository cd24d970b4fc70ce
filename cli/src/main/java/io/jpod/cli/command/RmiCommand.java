package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code jpod rmi IMAGE...}: refuses images that a container still uses. */
@Command(name = "rmi", description = "Remove images.")
public final class RmiCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Runtime rt = Runtime.open(System.getenv());
        int code = ExitCodes.OK;
        for (String name : names) {
            Optional<Image> image = rt.images().find(name);
            if (image.isEmpty()) {
                System.err.println("Error: " + name + ": image not known");
                code = ExitCodes.ERROR;
                continue;
            }
            Optional<String> user = userOf(rt, image.get());
            if (user.isPresent()) {
                System.err.println(
                        "Error: image " + name + " is in use by container " + user.get());
                code = ExitCodes.ERROR;
                continue;
            }
            try {
                Image removed = rt.images().remove(name);
                System.out.println("Untagged: " + name);
                System.out.println("Deleted: " + removed.id().substring("sha256:".length()));
            } catch (ImageException e) {
                System.err.println("Error: " + e.getMessage());
                code = ExitCodes.ERROR;
            }
        }
        return code;
    }

    private static Optional<String> userOf(Runtime rt, Image image) throws java.io.IOException {
        for (PodRecord pod : rt.state().pods()) {
            for (ContainerRecord c : pod.containers()) {
                if (c.imageId().equals(image.id())) {
                    return Optional.of(c.name());
                }
            }
        }
        return Optional.empty();
    }
}
