package io.jpod.cli.command;

import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod rmi IMAGE...}: refuses images that a container still uses. */
@Command(
        name = "rmi",
        description = "Remove images.",
        footer = {"Examples:", "  jpod rmi localhost/base:latest"})
public final class RmiCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        return Targets.each(
                names,
                name -> {
                    Image removed = engine.removeImage(name);
                    return "Untagged: " + name + "\nDeleted: " + removed.hexId();
                });
    }
}
