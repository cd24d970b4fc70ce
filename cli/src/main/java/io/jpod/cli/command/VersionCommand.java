package io.jpod.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import java.util.concurrent.Callable;

/** {@code jpod version}. */
@Command(name = "version", description = "Print jpod's version.")
public final class VersionCommand implements Callable<Integer> {

    static final String VERSION = "0.1.0";

    @Override
    public Integer call() {
        System.out.println("Version:      " + VERSION);
        System.out.println("Java Version: " + System.getProperty("java.version"));
        System.out.println("OS/Arch:      linux/" + System.getProperty("os.arch"));
        return 0;
    }

    /** For {@code jpod --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jpod version " + VERSION};
        }
    }
}
