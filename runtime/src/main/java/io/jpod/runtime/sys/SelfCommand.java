package io.jpod.runtime.sys;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs this program again in a fresh JVM: the hook conmon calls when a container exits.
 * It is the caller's own program, so the loginuid and the environment carry over.
 */
public final class SelfCommand {

    private SelfCommand() {
    }

    public static List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(ProcessHandle.current().info().command().orElse("java"));
        argv.add("--enable-native-access=ALL-UNNAMED");
        argv.add("-XX:TieredStopAtLevel=1");
        argv.add("-XX:+UseSerialGC");
        String launched = System.getProperty("sun.java.command", "").split(" ", 2)[0];
        if (launched.endsWith(".jar")) {
            argv.addAll(List.of("-jar", launched));
        } else {
            argv.addAll(List.of("-cp", System.getProperty("java.class.path"), launched));
        }
        return argv;
    }
}
