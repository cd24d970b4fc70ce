package io.jpod.cli.command;

import picocli.CommandLine.Command;

/** The top-level {@code jpod} command with all its verbs, for help, completion and suggestions. */
@Command(
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
            VersionCommand.class,
            CompletionCommand.class
        })
public final class JpodCommand extends JpodRoot {}
