package io.jpod.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code jpod play kube}. */
@Command(
        name = "play",
        description = "Play a structured file.",
        subcommands = PlayCommand.Kube.class,
        footer = {"Examples:", "  jpod play kube pod.yaml"})
public final class PlayCommand {

    /** {@code jpod play kube FILE...}. */
    @Command(
            name = "kube",
            description = "Create pods from Kubernetes YAML.",
            footer = {
                "Examples:",
                "  jpod play kube pod.yaml",
                "  jpod play kube --replace --prune manifests/",
                "  jpod play kube --start=false pod.yaml",
                "  jpod play kube --publish 8080:80 --configmap cm.yaml pod.yaml",
                "  jpod play kube --down pod.yaml",
                "  cat pod.yaml | jpod play kube -"
            })
    public static final class Kube implements Callable<Integer> {
        @Mixin KubeOptions options;

        @Override
        public Integer call() throws Exception {
            return KubePlayer.run(options);
        }
    }
}
