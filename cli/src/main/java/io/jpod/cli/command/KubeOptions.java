package io.jpod.cli.command;

import io.jpod.runtime.net.NetworkChoice;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options {@code play kube} and {@code kube play}/{@code kube down} share. */
public final class KubeOptions {

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Manifest files, directories or http(s) URLs; - for stdin.")
    List<String> files;

    @Option(names = "--down", description = "Stop and remove the pods the manifests describe.")
    boolean down;

    @Option(
            names = "--network",
            paramLabel = "MODE",
            defaultValue = "${env:" + NetworkChoice.ENV + ":-" + NetworkChoice.DEFAULT + "}",
            description =
                    "User-mode network for the pods: slirp4netns or pasta (default:"
                            + " ${DEFAULT-VALUE}).")
    String network;

    @Option(
            names = "--replace",
            description =
                    "Reconcile: leave unchanged pods running, replace changed ones, create new"
                            + " ones.")
    boolean replace;

    @Option(
            names = "--prune",
            description =
                    "With --replace or --watch: remove pods an earlier play of the same source"
                            + " made that it no longer has.")
    boolean prune;

    @Option(
            names = "--start",
            arity = "0..1",
            defaultValue = "true",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Start the pods (default: true); false creates them only.")
    boolean start = true;

    @Option(
            names = "--wait",
            description =
                    "Stay in the foreground until every pod's containers exit, or until SIGINT or"
                            + " SIGTERM; then remove the pods. A Job runs to its end"
                            + " (completions, parallelism, backoffLimit, activeDeadlineSeconds)"
                            + " and gives its result: 0 when complete, else the failing"
                            + " container's exit code (1 if none).")
    boolean waitForPods;

    @Option(
            names = "--watch",
            description =
                    "Reconcile again each time a manifest changes, until interrupted (the pods"
                            + " keep running unless --down-on-exit).")
    boolean watch;

    @Option(names = "--down-on-exit", description = "With --watch: remove the pods on exit.")
    boolean downOnExit;

    @Option(
            names = "--publish",
            paramLabel = "[[IP:]HOST:]CTR[/PROTO]",
            description = "Publish a containerPort on a host port, over the manifest's hostPort.")
    List<String> publish = new ArrayList<>();

    @Option(
            names = "--publish-all",
            description = "Publish every containerPort on the same host port.")
    boolean publishAll;

    @Option(
            names = "--configmap",
            paramLabel = "FILE",
            description = "A file of ConfigMaps the pods may use (repeatable).")
    List<String> configMaps = new ArrayList<>();

    @Option(
            names = "--annotation",
            paramLabel = "KEY=VALUE",
            description = "An annotation added to every pod (repeatable).")
    Map<String, String> annotations = new LinkedHashMap<>();

    @Option(
            names = "--no-hosts",
            description = "Keep each image's /etc/hosts rather than the pod's.")
    boolean noHosts;

    @Option(
            names = "--log-driver",
            paramLabel = "DRIVER",
            defaultValue = "k8s-file",
            description =
                    "Container logs: k8s-file (the default; read by jpod logs) or none (no log"
                            + " kept).")
    String logDriver;

    @Option(
            names = "--userns",
            paramLabel = "MODE",
            defaultValue = "",
            description =
                    "User namespace: host (the default: jpod's one, mapping you to root) or auto"
                            + " (each pod its own, as hostUsers: false, unless it says hostUsers or"
                            + " shares a host namespace).")
    String userns;

    @Option(
            names = "--force",
            description = "With --down: remove the volumes of the pods' claims too.")
    boolean force;

    @Option(
            names = "--wait-ready",
            paramLabel = "TIMEOUT",
            arity = "0..1",
            parameterConsumer = WaitReadyConsumer.class,
            description =
                    "Return once every pod is Ready (its readiness probes pass), or fail after"
                            + " TIMEOUT (default 60s) naming what is not.")
    String waitReady;

    @Mixin PullOptions pull = new PullOptions();

    /**
     * Takes the next argument as the timeout only when it is one, so that {@code --wait-ready
     * pod.yaml} leaves the file alone.
     */
    static final class WaitReadyConsumer implements CommandLine.IParameterConsumer {
        static final String DEFAULT = "60s";

        @Override
        public void consumeParameters(
                java.util.Stack<String> args,
                CommandLine.Model.ArgSpec argSpec,
                CommandLine.Model.CommandSpec commandSpec) {
            String value = DEFAULT;
            if (!args.isEmpty() && WaitTimeout.looksLike(args.peek())) {
                value = args.pop();
            }
            argSpec.setValue(value);
        }
    }
}
