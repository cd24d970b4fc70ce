package io.jpod.cli;

import io.jpod.runtime.sys.ProcessExit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The AOT cache's training run (dev/aot/train): every hot command, one after another in one JVM,
 * since the JDK records one run per cache. Each line of the file is a command line, split at
 * spaces; {@code #} starts a comment. A command's failure is part of the training (its error path
 * is a path users take too), so the exit codes are only printed.
 */
public final class AotTraining {

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String command = line.strip();
            if (command.isEmpty() || command.startsWith("#")) {
                continue;
            }
            int code = Main.run(command.split(" +"));
            System.out.println("aot-training: exit " + code + ": jpod " + command);
        }
        // the way every command leaves, so that its classes are in the cache too
        ProcessExit.exit(0);
    }
}
