package io.jpod.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code jpod kube play|down}. */
@Command(
        name = "kube",
        description = "Play and tear down Kubernetes YAML.",
        subcommands = {KubeCommand.Play.class, KubeCommand.Down.class},
        footer = {"Examples:", "  jpod kube play pod.yaml", "  jpod kube down pod.yaml"})
public final class KubeCommand {

    /** {@code jpod kube play FILE...}, the same as {@code play kube}. */
    @Command(
            name = "play",
            description = "Create pods from Kubernetes YAML.",
            footer = {
                "Examples:",
                "  jpod kube play pod.yaml",
                "  jpod kube play --network pasta manifests/",
                "  jpod kube play --replace pod.yaml"
            })
    public static final class Play implements Callable<Integer> {
        @Mixin KubeOptions options;

        @Override
        public Integer call() throws Exception {
            return KubePlayer.run(options);
        }
    }

    /** {@code jpod kube down FILE...}, the same as {@code play kube --down}. */
    @Command(
            name = "down",
            description = "Stop and remove the pods a Kubernetes YAML describes.",
            footer = {"Examples:", "  jpod kube down pod.yaml"})
    public static final class Down implements Callable<Integer> {
        @Mixin KubeOptions options;

        @Override
        public Integer call() throws Exception {
            options.down = true;
            return KubePlayer.run(options);
        }
    }
}
