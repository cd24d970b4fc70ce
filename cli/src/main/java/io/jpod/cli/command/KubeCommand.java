package io.jpod.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code jpod kube play|down}. */
@Command(
        name = "kube",
        description = "Play and tear down Kubernetes YAML.",
        subcommands = {KubeCommand.Play.class, KubeCommand.Down.class, KubeCommand.Diff.class},
        footer = {
            "Examples:",
            "  jpod kube play pod.yaml",
            "  jpod kube diff pod.yaml",
            "  jpod kube down pod.yaml"
        })
public final class KubeCommand {

    /** {@code jpod kube play FILE...}, the same as {@code play kube}. */
    @Command(
            name = "play",
            description = "Create pods from Kubernetes YAML.",
            footer = {
                "Examples:",
                "  jpod kube play pod.yaml",
                "  jpod kube play --network pasta manifests/",
                "  jpod kube play --replace --prune manifests/",
                "  jpod kube play --watch manifests/",
                "  jpod kube play --wait job.yaml",
                "  jpod kube play https://example.com/pod.yaml"
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
            footer = {
                "Examples:",
                "  jpod kube down pod.yaml",
                "  jpod kube down --force manifests/"
            })
    public static final class Down implements Callable<Integer> {
        @Mixin KubeOptions options;

        @Override
        public Integer call() throws Exception {
            options.down = true;
            return KubePlayer.run(options);
        }
    }

    /**
     * {@code jpod kube diff FILE...}: what {@code kube play --replace} would do; exit 1 if
     * anything.
     */
    @Command(
            name = "diff",
            description =
                    "Show what a play with --replace would change: exit 0 if nothing, 1 if"
                            + " something.",
            footer = {
                "Examples:",
                "  jpod kube diff pod.yaml",
                "  jpod kube diff --prune manifests/"
            })
    public static final class Diff implements Callable<Integer> {
        @Mixin KubeOptions options;

        @Override
        public Integer call() throws Exception {
            return KubeDiff.run(options);
        }
    }
}
