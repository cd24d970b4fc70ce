package io.jpod.cli.command;

import io.jpod.runtime.net.NetworkChoice;

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

    /** Jobs' part of --wait: {@link JobPlayer} runs each Job to its end. */
    @Option(
            names = "--wait",
            description =
                    "Run each Job to its end (completions, parallelism, backoffLimit,"
                            + " activeDeadlineSeconds) and exit with its result: 0 when"
                            + " complete, else the failing container's exit code (1 if none).")
    boolean waitForJobs;

    @Mixin PullOptions pull = new PullOptions();
}
