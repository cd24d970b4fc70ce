package io.jpod.cli.command;

import picocli.CommandLine.Command;

/** The top-level {@code jpod} command. */
@Command(
        name = "jpod",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Run Kubernetes pod manifests rootless, with no daemon.",
        subcommands = {
            PlayCommand.class,
            KubeCommand.class,
            PodCommand.class,
            PsCommand.class,
            LogsCommand.class,
            ExecCommand.class,
            InspectCommand.class,
            ImagesCommand.class,
            ImageCommand.class,
            PullCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            LoadCommand.class,
            ImportCommand.class,
            RmiCommand.class,
            VolumeCommand.class,
            GenerateCommand.class,
            ContainerExitedCommand.class,
            InfoCommand.class,
            VersionCommand.class
        })
public final class JpodCommand {}
