package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.pod.PodService;

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
        subcommands = GenerateCommand.Kube.class)
public final class GenerateCommand {

    /** {@code jpod generate kube [--type pod|deployment|daemonset|job] POD...}. */
    @Command(name = "kube", description = "Write pods back as Kubernetes YAML.")
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
            var kind = KubeWriter.kind(type);
            if (kind.isEmpty()) {
                System.err.println(
                        "Error: --type must be pod, deployment, daemonset or job, not " + type);
                return ExitCodes.ERROR;
            }
            Runtime rt = Runtime.open(System.getenv());
            PodService pods = new PodService(rt);
            StringBuilder out = new StringBuilder();
            for (String name : names) {
                var pod = rt.state().pod(name);
                if (pod.isEmpty()) {
                    System.err.println("Error: no pod with name or ID " + name + " found");
                    return ExitCodes.ERROR;
                }
                String source = pods.source(pod.get());
                if (source.isBlank()) {
                    System.err.println(
                            "Error: pod "
                                    + name
                                    + " was played by an older jpod that kept no manifest");
                    return ExitCodes.ERROR;
                }
                if (out.length() > 0) {
                    out.append("---\n");
                }
                out.append(KubeWriter.write(pod.get().name(), source, kind.get()));
            }
            System.out.print(out);
            return ExitCodes.OK;
        }
    }
}
