package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.sys.SelfCommand;
import io.jpod.runtime.systemd.KubeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jpod generate systemd --kube FILE [-f] [-n NAME] ...}: a systemd user unit that plays the
 * manifest on start and takes it down on stop.
 */
@Command(
        name = "systemd",
        description = "Write a systemd user unit that runs a manifest's pods as a service.",
        footer = {
            "Examples:",
            "  jpod generate systemd --kube web.yaml",
            "  jpod generate systemd --kube web.yaml -f",
            "  jpod generate systemd --kube web.yaml >"
                    + " ~/.config/systemd/user/jpod-kube-web.service",
            "Then: systemctl --user daemon-reload && systemctl --user start jpod-kube-web"
        })
final class GenerateSystemd implements Callable<Integer> {

    /** Set by the ./jpod launcher to its own absolute path. */
    static final String LAUNCHER_ENV = "JPOD_LAUNCHER";

    @Option(
            names = "--kube",
            required = true,
            paramLabel = "FILE",
            description = "The manifest the unit plays on start and takes down on stop.")
    Path kube;

    @Option(
            names = {"-f", "--files"},
            description = "Write the unit to ./jpod-kube-NAME.service instead of stdout.")
    boolean files;

    @Option(
            names = {"-n", "--name"},
            paramLabel = "NAME",
            description = "The unit's name: jpod-kube-NAME.service (default: the file's name).")
    String name;

    @Option(
            names = "--restart-policy",
            paramLabel = "POLICY",
            defaultValue = "on-failure",
            description = "systemd's Restart= (default: ${DEFAULT-VALUE}).")
    String restartPolicy;

    @Option(names = "--restart-sec", paramLabel = "SECONDS", description = "systemd's RestartSec=.")
    Integer restartSec;

    @Option(
            names = {"-t", "--stop-timeout"},
            paramLabel = "SECONDS",
            defaultValue = "10",
            description =
                    "Seconds the pods may take to stop (default: ${DEFAULT-VALUE});"
                            + " TimeoutStopSec= is a minute more.")
    int stopTimeout;

    @Option(
            names = "--start-timeout",
            paramLabel = "SECONDS",
            description = "systemd's TimeoutStartSec= (pulls and readiness count).")
    Integer startTimeout;

    @Option(names = "--no-header", description = "Leave out the comment naming the unit.")
    boolean noHeader;

    @Override
    public Integer call() throws Exception {
        Path manifest = kube.toAbsolutePath().normalize();
        if (!Files.isRegularFile(manifest)) {
            throw new JpodException("--kube " + kube + ": no such file");
        }
        if (stopTimeout < 0 || (restartSec != null && restartSec < 0)) {
            throw new JpodException("--stop-timeout and --restart-sec must not be negative");
        }
        KubeUnit unit;
        try {
            unit =
                    new KubeUnit(
                            name == null ? KubeUnit.defaultName(manifest) : name,
                            jpod(),
                            manifest,
                            restartPolicy,
                            restartSec,
                            stopTimeout,
                            startTimeout,
                            !noHeader);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
        if (files) {
            Path out = Path.of(unit.fileName()).toAbsolutePath();
            Files.writeString(out, unit.render());
            System.out.println(out);
        } else {
            System.out.print(unit.render());
        }
        return ExitCodes.OK;
    }

    /** The launcher when jpod runs from it, else this JVM's command line. */
    private static List<String> jpod() {
        String launcher = System.getenv(LAUNCHER_ENV);
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        return SelfCommand.argv();
    }
}
