package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.Located;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code jpod generate kube POD...}: the pods as clean Kubernetes YAML, with what they reference.
 */
@Command(
        name = "generate",
        description = "Generate structured data from pods.",
        subcommands = {GenerateCommand.Kube.class, GenerateSystemd.class},
        footer = {
            "Examples:",
            "  jpod generate kube web > web.yaml",
            "  jpod generate systemd --kube web.yaml -f"
        })
public final class GenerateCommand {

    /**
     * {@code jpod generate kube [-f FILE] [--type pod|deployment|daemonset|job] [--replicas N]
     * [--service] POD|CONTAINER...}.
     */
    @Command(
            name = "kube",
            description = "Write pods back as Kubernetes YAML.",
            footer = {
                "Examples:",
                "  jpod generate kube web > web.yaml",
                "  jpod generate kube --type deployment --replicas 3 --service web",
                "  jpod generate kube -f web.yaml web-server"
            })
    public static final class Kube implements Callable<Integer> {
        @Option(
                names = "--type",
                defaultValue = "pod",
                description = "pod, deployment, daemonset or job (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(
                names = {"-r", "--replicas"},
                paramLabel = "N",
                description = "A Deployment's replicas (default: 1).")
        Integer replicas;

        @Option(
                names = {"-s", "--service"},
                description =
                        "Write a Service for the pod's hostPorts too (NodePort; ClusterIP of the"
                                + " container ports if it publishes none).")
        boolean service;

        @Option(
                names = {"-f", "--filename"},
                paramLabel = "FILE",
                description = "Write to FILE, which must not exist, instead of stdout.")
        Path file;

        @Parameters(arity = "1..*", paramLabel = "POD|CONTAINER")
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
            if (replicas != null && !type.equalsIgnoreCase("deployment")) {
                throw new JpodException("--replicas is only for --type deployment");
            }
            if (replicas != null && replicas < 0) {
                throw new JpodException("--replicas must not be negative: " + replicas);
            }
            if (file != null && Files.exists(file)) {
                throw new JpodException(
                        file + " already exists; generate kube does not replace it");
            }
            Engine engine = Engine.open(System.getenv());
            Set<String> seen = new LinkedHashSet<>();
            List<String> documents = new ArrayList<>();
            for (String name : names) {
                PodRecord pod = podOf(engine, name);
                if (!seen.add(pod.id())) {
                    continue; // a pod named twice, or by two of its containers
                }
                String source = engine.source(pod);
                if (source.isBlank()) {
                    throw new JpodException(
                            "pod "
                                    + pod.name()
                                    + " was played by an older jpod that kept no manifest");
                }
                String yaml =
                        KubeWriter.write(
                                pod.name(), source, kind, replicas == null ? 1 : replicas, service);
                for (String d : KubeWriter.documents(yaml)) {
                    if (!documents.contains(d)) {
                        documents.add(d); // a ConfigMap two pods use is written once
                    }
                }
            }
            String out = String.join("---\n", documents);
            if (file != null) {
                Files.writeString(file, out, StandardOpenOption.CREATE_NEW);
            } else {
                System.out.print(out);
            }
            return ExitCodes.OK;
        }

        /** A pod by name or id, else the pod of a container named so (podman's POD|CONTAINER). */
        private static PodRecord podOf(Engine engine, String name) throws Exception {
            Optional<PodRecord> pod = engine.findPod(name);
            if (pod.isPresent()) {
                return pod.get();
            }
            Optional<Located> container = engine.findContainer(name);
            if (container.isPresent()) {
                return container.get().pod();
            }
            throw new JpodException("no pod or container " + name);
        }
    }
}
