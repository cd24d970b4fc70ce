package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.host.HostInfo;

import picocli.CommandLine.Command;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jpod info}: how jpod runs on this host, and why. */
@Command(name = "info", description = "Show how jpod runs on this host.")
public final class InfoCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Runtime rt = Runtime.open(System.getenv());
        for (Map.Entry<String, Object> section : HostInfo.collect(rt, System.getenv()).entrySet()) {
            System.out.println(section.getKey() + ":");
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) section.getValue();
            entries.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        }
        return ExitCodes.OK;
    }
}
