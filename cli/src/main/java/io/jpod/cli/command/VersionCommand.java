package io.jpod.cli.command;

import io.jpod.runtime.JpodException;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jpod version}. */
@Command(
        name = "version",
        description = "Print jpod's version.",
        footer = {"Examples:", "  jpod version", "  jpod version --format '{{.Client.Version}}'"})
public final class VersionCommand implements Callable<Integer> {

    static final String VERSION = "0.1.0";

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "Print with a Go template (`{{.Client.Version}}`), or json.")
    String format;

    @Override
    public Integer call() throws JpodException {
        if (format != null) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("Version", VERSION);
            client.put("JavaVersion", System.getProperty("java.version"));
            client.put("OsArch", "linux/" + System.getProperty("os.arch"));
            client.put("Os", "linux");
            FormatOption.printDocument(format, Map.of("Client", client), "version");
            return 0;
        }
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
