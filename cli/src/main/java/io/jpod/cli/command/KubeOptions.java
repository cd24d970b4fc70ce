package io.jpod.cli.command;

import io.jpod.runtime.net.NetworkChoice;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** The options {@code play kube} and {@code kube play}/{@code kube down} share. */
public final class KubeOptions {

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Manifest files or directories; - for stdin.")
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

    @Option(names = "--replace", description = "Remove existing pods of the same names first.")
    boolean replace;

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
