package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jpod generate kube POD...}: the pods as clean Kubernetes YAML, with what they reference.
 */
@Command(
        name = "generate",
        description = "Generate structured data from pods.",
        subcommands = GenerateCommand.Kube.class,
        footer = {"Examples:", "  jpod generate kube web > web.yaml"})
public final class GenerateCommand {

    /** {@code jpod generate kube [--type pod|deployment|daemonset|job] POD...}. */
    @Command(
            name = "kube",
            description = "Write pods back as Kubernetes YAML.",
            footer = {
                "Examples:",
                "  jpod generate kube web > web.yaml",
                "  jpod generate kube --type deployment web"
            })
    public static final class Kube implements Callable<Integer> {
        @Option(
                names = "--type",
                defaultValue = "pod",
                description = "pod, deployment, daemonset or job (default: ${DEFAULT-VALUE}).")
        String type;

        @Parameters(arity = "1..*", paramLabel = "POD")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            var kind =
                    KubeWriter.kind(type)
                            .orElseThrow(
                                    () ->
                                            new JpodException(
                                                    "--type must be pod, deployment, daemonset or"
                                                            + " job, not "
                                                            + type));
            Engine engine = Engine.open(System.getenv());
            StringBuilder out = new StringBuilder();
            for (String name : names) {
                PodRecord pod = engine.pod(name);
                String source = engine.source(pod);
                if (source.isBlank()) {
                    throw new JpodException(
                            "pod " + name + " was played by an older jpod that kept no manifest");
                }
                if (out.length() > 0) {
                    out.append("---\n");
                }
                out.append(KubeWriter.write(pod.name(), source, kind));
            }
            System.out.print(out);
            return ExitCodes.OK;
        }
    }
}
