package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Inspection;
import io.jpod.cli.output.Json;
import io.jpod.cli.output.PodStatus;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.pod.PodService;
import io.jpod.runtime.state.ContainerStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jpod inspect NAME...}: containers first, then pods, then images, as podman looks them up.
 */
@Command(name = "inspect", description = "Show containers, pods or images as JSON.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        Runtime rt = Runtime.open(System.getenv());
        PodService pods = new PodService(rt);
        List<Object> docs = new ArrayList<>();
        int code = ExitCodes.OK;
        for (String name : names) {
            var located = pods.container(name);
            if (located.isPresent()) {
                var c = located.get().container();
                docs.add(
                        Inspection.container(
                                located.get().pod(),
                                c,
                                ContainerStatus.of(c, rt.layout().exits())));
                continue;
            }
            var pod = rt.state().pod(name);
            if (pod.isPresent()) {
                Map<String, ContainerStatus> states = Statuses.of(pod.get(), rt);
                docs.add(Inspection.pod(pod.get(), PodStatus.of(pod.get(), states), states));
                continue;
            }
            var image = rt.images().find(name);
            if (image.isPresent()) {
                docs.add(ImagesCommand.inspect(image.get()));
                continue;
            }
            System.err.println("Error: no such object: \"" + name + "\"");
            code = ExitCodes.ERROR;
        }
        System.out.println(Json.pretty(docs));
        return code;
    }
}
