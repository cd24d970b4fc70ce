package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jpod info}: how jpod runs on this host, and why. */
@Command(
        name = "info",
        description = "Show how jpod runs on this host.",
        footer = {
            "Examples:",
            "  jpod info",
            "  jpod info --format '{{.host.ociRuntime}}'",
            "  jpod info --format json"
        })
public final class InfoCommand implements Callable<Integer> {

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "Print with a Go template (`{{.host.ociRuntime}}`), or json.")
    String format;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> info = Engine.open(System.getenv()).info();
        if (format != null) {
            FormatOption.printDocument(format, info, "info");
            return ExitCodes.OK;
        }
        for (Map.Entry<String, Object> section : info.entrySet()) {
            System.out.println(section.getKey() + ":");
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) section.getValue();
            entries.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        }
        return ExitCodes.OK;
    }
}
