package io.jpod.cli.command;

import io.jpod.cli.Errors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;

/**
 * The top-level {@code jpod} command without its verbs: its help layout, {@code --help} and {@code
 * --log-level} are every subcommand's too, as podman's global flags are; each verb brings its own
 * examples. {@link JpodCommand} adds every verb; a command line whose verb is known needs only that
 * one, and picocli's reflective model of the other twenty is most of a short command's time.
 */
@Command(
        name = "jpod",
        scope = ScopeType.INHERIT,
        versionProvider = VersionCommand.Provider.class,
        abbreviateSynopsis = true,
        descriptionHeading = "%n",
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        description = "Run Kubernetes pod manifests rootless, with no daemon.",
        footer = {
            "Examples:",
            "  jpod play kube pod.yaml",
            "  jpod ps --format '{{.Names}}\\t{{.Status}}'",
            "  jpod pod ps",
            "  jpod kube down pod.yaml",
            "",
            "Run 'jpod COMMAND --help' for more on a command."
        })
public class JpodRoot {

    /** podman's log levels. */
    static final List<String> LOG_LEVELS =
            List.of("trace", "debug", "info", "warn", "warning", "error", "fatal", "panic");

    @Spec CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Option(
            names = {"-v", "--version"},
            versionHelp = true,
            description = "Print jpod's version and exit.")
    boolean version;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            scope = ScopeType.INHERIT,
            description =
                    "trace, debug, info, warn, warning, error, fatal or panic (default: warn);"
                            + " debug and trace add stack traces to unexpected errors.")
    void logLevel(String level) {
        String l = level.toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(l)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "invalid log level \""
                            + level
                            + "\": choose from "
                            + String.join(", ", LOG_LEVELS));
        }
        Errors.traces(l.equals("debug") || l.equals("trace"));
    }
}
