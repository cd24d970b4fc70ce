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
            StopCommand.class,
            StartCommand.class,
            RestartCommand.class,
            KillCommand.class,
            RmCommand.class,
            WaitCommand.class,
            CpCommand.class,
            PortCommand.class,
            TopCommand.class,
            SystemCommand.class,
            InspectCommand.class,
            ImagesCommand.class,
            ImageCommand.class,
            PullCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            LoadCommand.class,
            ImportCommand.class,
            RmiCommand.class,
            SaveCommand.class,
            VolumeCommand.class,
            GenerateCommand.class,
            ContainerExitedCommand.class,
            ProberCommand.class,
            InfoCommand.class,
            VersionCommand.class,
            CompletionCommand.class
        })
public final class JpodCommand extends JpodRoot {}
