package io.jpod.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks at the host's processes from the test, through /proc. */
final class Processes {

    private Processes() {}

    /** True when the pid exists and is not a zombie. */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    static boolean anyCommandLineContains(String text) throws IOException {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    String cmdline =
                            new String(
                                    Files.readAllBytes(p.resolve("cmdline")),
                                    StandardCharsets.UTF_8);
                    if (cmdline.contains(text)
                            && running(Long.parseLong(p.getFileName().toString()))) {
                        return true;
                    }
                } catch (IOException e) {
                    // exited while we looked
                }
            }
        }
        return false;
    }
}
