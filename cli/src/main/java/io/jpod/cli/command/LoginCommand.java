package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.registry.AuthFile;
import io.jpod.runtime.image.registry.Credentials;
import io.jpod.runtime.image.registry.RegistryClient;
import io.jpod.runtime.image.registry.RegistryOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jpod login [-u U] [-p P | --password-stdin] REGISTRY}: the credentials are checked against
 * the registry first, and only then written to the auth file (mode 0600).
 */
@Command(
        name = "login",
        description = "Log in to a container registry.",
        footer = {
            "Examples:",
            "  jpod login -u alice registry.example.com",
            "  echo \"$TOKEN\" | jpod login -u alice --password-stdin registry.example.com"
        })
public final class LoginCommand implements Callable<Integer> {

    @Option(
            names = {"-u", "--username"},
            paramLabel = "USERNAME",
            description = "User name (asked for when missing).")
    String username;

    @Option(
            names = {"-p", "--password"},
            paramLabel = "PASSWORD",
            description = "Password; --password-stdin keeps it out of the process list.")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(names = "--authfile", paramLabel = "PATH", description = "The auth file to write.")
    Path authfile;

    @Option(
            names = "--tls-verify",
            arity = "0..1",
            defaultValue = "true",
            fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Require HTTPS and verify certificates (default: true).")
    boolean tlsVerify = true;

    @Option(names = "--cert-dir", paramLabel = "DIR", description = "CA certificates to trust.")
    Path certDir;

    @Parameters(paramLabel = "REGISTRY", description = "The registry, e.g. registry.example:5000.")
    String registry;

    @Override
    public Integer call() throws Exception {
        if (password != null && passwordStdin) {
            System.err.println("Error: --password and --password-stdin are mutually exclusive");
            return ExitCodes.ERROR;
        }
        String host = AuthFile.hostOf(registry);
        Console console = System.console();
        String user = username;
        if (user == null && console != null && !passwordStdin) {
            user = console.readLine("Username: ");
        }
        if (user == null || user.isBlank()) {
            System.err.println("Error: a user name is needed: -u USERNAME");
            return ExitCodes.ERROR;
        }
        String secret = password;
        if (passwordStdin) {
            secret = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } else if (secret == null && console != null) {
            char[] typed = console.readPassword("Password: ");
            secret = typed == null ? null : new String(typed);
        }
        if (secret == null || secret.isEmpty()) {
            System.err.println("Error: a password is needed: -p, --password-stdin or a terminal");
            return ExitCodes.ERROR;
        }
        Credentials credentials = new Credentials(user, secret);
        try (RegistryClient client =
                RegistryClient.open(
                        host,
                        Optional.of(credentials),
                        RegistryOptions.defaults()
                                .withTlsVerify(tlsVerify)
                                .withCertDir(Optional.ofNullable(certDir)))) {
            client.verifyCredentials();
        } catch (ImageException | IOException e) {
            System.err.println("Error: logging into " + host + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Path file = authfile != null ? authfile : AuthFile.defaultFile(System.getenv());
        AuthFile.store(file, host, credentials);
        System.out.println("Login Succeeded!");
        return ExitCodes.OK;
    }
}
