package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.HealthView;
import io.jpod.cli.output.Inspection;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.ContainerStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jpod inspect NAME...}: containers first, then pods, then images, as podman looks them up.
 */
@Command(
        name = "inspect",
        description = "Show containers, pods or images as JSON.",
        footer = {
            "Examples:",
            "  jpod inspect web-app",
            "  jpod inspect -f '{{.State.Pid}}' web-app",
            "  jpod inspect --format '{{json .Config.Labels}}' web-app"
        })
public final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CONTAINER|POD|IMAGE")
    List<String> names;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "Print with a Go template (`{{.State.Pid}}`), or json.")
    String format;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        List<Object> docs = new ArrayList<>();
        int code = ExitCodes.OK;
        for (String name : names) {
            var located = engine.findContainer(name);
            if (located.isPresent()) {
                var c = located.get().container();
                var pod = located.get().pod();
                ContainerStatus status = engine.status(c);
                docs.add(
                        HealthView.addTo(
                                Inspection.container(
                                        pod,
                                        c,
                                        status,
                                        engine.life(c),
                                        engine.terminationMessage(c, status)),
                                pod,
                                c,
                                status,
                                engine.health(pod)));
                continue;
            }
            var pod = engine.findPod(name);
            if (pod.isPresent()) {
                Map<String, ContainerStatus> states = engine.statuses(pod.get());
                docs.add(Inspection.pod(pod.get(), states, engine.networkHelper(pod.get())));
                continue;
            }
            var image = engine.findImage(name);
            if (image.isPresent()) {
                docs.add(ImagesCommand.inspect(image.get()));
                continue;
            }
            code = Errors.report(new JpodException("no such object: \"" + name + "\""));
        }
        FormatOption.printDocuments(format, docs, "inspect");
        return code;
    }
}
