package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jpod kube play|down|apply}. */
@Command(
        name = "kube",
        description = "Play, compare and tear down Kubernetes YAML, or apply it to a cluster.",
        subcommands = {
            KubeCommand.Play.class,
            KubeCommand.Down.class,
            KubeCommand.Diff.class,
            KubeCommand.Apply.class
        },
        footer = {
            "Examples:",
            "  jpod kube play pod.yaml",
            "  jpod kube diff pod.yaml",
            "  jpod kube down pod.yaml",
            "  jpod kube apply -f pod.yaml"
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
     * {@code jpod kube apply -f FILE|DIR}: the same manifests to a real cluster, by server-side
     * apply, so that a second apply updates what the first created.
     */
    @Command(
            name = "apply",
            description =
                    "Send Kubernetes YAML to a cluster with server-side apply (field manager"
                            + " jpod).",
            footer = {
                "Examples:",
                "  jpod kube apply -f pod.yaml",
                "  jpod kube apply -f web.yaml --kubeconfig ~/.kube/staging",
                "  jpod kube apply -f manifests/ --context staging --ns shop --dry-run=server"
            })
    public static final class Apply implements Callable<Integer> {
        @Option(
                names = {"-f", "--filename"},
                required = true,
                paramLabel = "FILE",
                description = "Manifest file or directory; - for stdin (repeatable).")
        List<String> files;

        @Option(
                names = "--kubeconfig",
                paramLabel = "FILE",
                description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
        String kubeconfig;

        @Option(
                names = "--context",
                paramLabel = "NAME",
                description = "Kubeconfig context (default: its current-context).")
        String context;

        @Option(
                names = {"-n", "--ns", "--namespace"},
                paramLabel = "NS",
                description = "Namespace of objects that name none (default: the context's).")
        String namespace;

        @Option(
                names = "--dry-run",
                paramLabel = "MODE",
                description = "server: the cluster validates and keeps nothing; none (default).")
        String dryRun = "none";

        @Option(
                names = "--force-conflicts",
                description = "Take over fields that another field manager owns.")
        boolean forceConflicts;

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!dryRun.equals("server") && !dryRun.equals("none")) {
                throw new JpodException(
                        "--dry-run must be server or none, not "
                                + dryRun
                                + " (a client-side dry run needs no cluster: use"
                                + " --dry-run=server)");
            }
            KubeApplier.apply(
                    files,
                    kubeconfig,
                    context,
                    namespace,
                    dryRun.equals("server"),
                    forceConflicts,
                    spec.commandLine().getOut());
            return ExitCodes.OK;
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
