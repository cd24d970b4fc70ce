package io.jpod.cli.command;

import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * podman's question before a destructive verb, answered on stdin (anything but y/yes is no), and
 * its {@code -f/--force} that skips it; a mixin of each such verb.
 */
final class Confirmation {

    @Option(
            names = {"-f", "--force"},
            description = "Do not ask for confirmation.")
    boolean force;

    /** True when the verb may go on: forced, or the user said yes to {@code warning}. */
    boolean granted(String warning) throws IOException {
        if (force) {
            return true;
        }
        System.out.print(warning + "\nAre you sure you want to continue? [y/N] ");
        System.out.flush();
        String answer =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        .readLine();
        return answer != null && answer.strip().matches("(?i)y|yes");
    }
}
