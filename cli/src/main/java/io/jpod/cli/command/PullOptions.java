package io.jpod.cli.command;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How to reach registries: the flags {@code pull} and {@code play kube} share, as podman's. */
public final class PullOptions {

    @Option(
            names = "--tls-verify",
            arity = "0..1",
            defaultValue = "true",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Require HTTPS and verify certificates (default: true).")
    boolean tlsVerify = true;

    @Option(
            names = "--creds",
            paramLabel = "USERNAME:PASSWORD",
            // how the re-run inside the user namespace gets it (see CredentialArgs)
            defaultValue = "${env:JPOD_CREDS}",
            description = "Credentials for the registry, instead of an auth file's.")
    String creds;

    @Option(
            names = "--authfile",
            paramLabel = "PATH",
            description = "The auth file to read credentials from.")
    Path authfile;

    @Option(
            names = "--cert-dir",
            paramLabel = "DIR",
            description = "A directory of CA certificates (*.crt) to trust.")
    Path certDir;

    @Option(
            names = "--platform",
            paramLabel = "OS/ARCH[/VARIANT]",
            description = "The platform to choose from a multi-platform image.")
    String platform;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output.")
    boolean quiet;
}
