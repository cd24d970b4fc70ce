package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jpod completion bash|zsh|fish}: a completion script, generated from jpod's commands. */
@Command(
        name = "completion",
        description = {
            "Print a shell completion script for jpod.",
            "",
            "It completes commands and options, and the names of pods, containers, images and"
                    + " volumes, which it asks jpod for."
        },
        footer = {
            "Examples:",
            "  source <(jpod completion bash)",
            "  jpod completion bash > /etc/bash_completion.d/jpod",
            "  source <(jpod completion zsh)",
            "  jpod completion fish | source",
            "  jpod completion fish > ~/.config/fish/completions/jpod.fish"
        })
public final class CompletionCommand implements Callable<Integer> {

    /** The shells, by the names users type. */
    enum Shell {
        bash,
        zsh,
        fish
    }

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script =
                switch (shell) {
                    case bash -> BashCompletion.script(root);
                    // picocli's script loads bashcompinit itself when zsh sources it
                    case zsh ->
                            "# zsh completion for jpod: source <(jpod completion zsh)\n"
                                    + BashCompletion.script(root);
                    case fish -> FishCompletion.script(root);
                };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
