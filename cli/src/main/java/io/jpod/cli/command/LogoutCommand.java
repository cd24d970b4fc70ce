package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.image.registry.AuthFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jpod logout REGISTRY | --all}: removes credentials from the auth file login writes. */
@Command(
        name = "logout",
        description = "Log out of a container registry.",
        footer = {"Examples:", "  jpod logout registry.example.com", "  jpod logout --all"})
public final class LogoutCommand implements Callable<Integer> {

    @Option(
            names = {"-a", "--all"},
            description = "Remove the credentials of every registry.")
    boolean all;

    @Option(names = "--authfile", paramLabel = "PATH", description = "The auth file to change.")
    Path authfile;

    @Parameters(arity = "0..1", paramLabel = "REGISTRY", description = "The registry.")
    String registry;

    @Override
    public Integer call() throws Exception {
        if (all == (registry != null)) {
            System.err.println("Error: name one registry, or --all");
            return ExitCodes.ERROR;
        }
        Path file = authfile != null ? authfile : AuthFile.defaultFile(System.getenv());
        if (all) {
            AuthFile.removeAll(file);
            System.out.println("Removed login credentials for all registries");
            return ExitCodes.OK;
        }
        String host = AuthFile.hostOf(registry);
        if (!AuthFile.remove(file, host)) {
            System.err.println("Error: not logged into " + host);
            return ExitCodes.ERROR;
        }
        System.out.println("Removed login credentials for " + host);
        return ExitCodes.OK;
    }
}
