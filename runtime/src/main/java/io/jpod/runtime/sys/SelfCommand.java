package io.jpod.runtime.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line that runs this program again in a fresh JVM, with the same JVM options (start-up
 * cache included): the hook conmon calls when a container exits. It is the caller's own program, so
 * the loginuid and the environment carry over.
 */
public final class SelfCommand {

    private SelfCommand() {}

    public static List<String> argv() {
        try {
            String raw =
                    new String(
                            Files.readAllBytes(Path.of("/proc/self/cmdline")),
                            StandardCharsets.UTF_8);
            List<String> argv = jvmPart(Arrays.asList(raw.split("\0")));
            argv.set(0, ProcessHandle.current().info().command().orElse(argv.getFirst()));
            return argv;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/cmdline", e);
        }
    }

    /**
     * The launcher's part of a java command line: options up to and including the jar or the main
     * class.
     */
    static List<String> jvmPart(List<String> cmdline) {
        List<String> argv = new ArrayList<>(List.of(cmdline.getFirst()));
        for (int i = 1; i < cmdline.size(); i++) {
            String arg = cmdline.get(i);
            argv.add(arg);
            switch (arg) {
                case "-jar" -> {
                    argv.add(cmdline.get(i + 1));
                    return argv;
                }
                case "-cp", "-classpath", "--class-path", "--module-path", "-p" ->
                        argv.add(cmdline.get(++i));
                default -> {
                    if (!arg.startsWith("-")) {
                        return argv;
                    }
                }
            }
        }
        return argv;
    }
}
