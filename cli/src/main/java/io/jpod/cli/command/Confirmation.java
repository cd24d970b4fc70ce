package io.jpod.cli.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** podman's question before a destructive verb, answered on stdin; anything but y/yes is no. */
final class Confirmation {

    private Confirmation() {}

    static boolean ask(String warning) throws IOException {
        System.out.print(warning + "\nAre you sure you want to continue? [y/N] ");
        System.out.flush();
        String answer =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        .readLine();
        return answer != null && answer.strip().matches("(?i)y|yes");
    }
}
