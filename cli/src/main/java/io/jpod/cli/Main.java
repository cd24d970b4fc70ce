package io.jpod.cli;

import io.jpod.cli.command.JpodCommand;
import io.jpod.runtime.sys.ProcessExit;
import io.jpod.runtime.sys.Trace;
import io.jpod.runtime.userns.UserNamespace;

import picocli.CommandLine;

import java.util.OptionalInt;
import java.util.Set;

/** jpod's entry point. */
public final class Main {

    /**
     * Verbs that mount, chown or drive the OCI runtime, and so must run as root of jpod's user
     * namespace.
     */
    private static final Set<String> NAMESPACED =
            Set.of(
                    "play", "kube", "pod", "exec", "pull", "image", "load", "import", "rmi", "rm",
                    "stop", "start", "volume");

    private Main() {}

    public static void main(String[] args) {
        int code = run(args);
        Trace.mark("cli: command returned");
        ProcessExit.exit(code);
    }

    static int run(String[] args) {
        Trace.mark("jvm: start to main");
        if (args.length > 0 && NAMESPACED.contains(args[0]) && !isHelp(args)) {
            try {
                OptionalInt code =
                        UserNamespace.enterIfNeeded(System.getenv(), CredentialArgs.relaunch(args));
                if (code.isPresent()) {
                    return code.getAsInt();
                }
            } catch (Exception e) {
                System.err.println("Error: cannot enter jpod's user namespace: " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new JpodCommand());
        // everything after the container name belongs to the command run inside it
        cmd.getSubcommands().get("exec").setStopAtPositional(true);
        cmd.setExecutionExceptionHandler(
                (ex, line, parsed) -> {
                    line.getErr()
                            .println(
                                    "Error: "
                                            + (ex.getMessage() == null
                                                    ? ex.toString()
                                                    : ex.getMessage()));
                    if (System.getenv("JPOD_DEBUG") != null) {
                        ex.printStackTrace(line.getErr());
                    }
                    return ExitCodes.ERROR;
                });
        cmd.setParameterExceptionHandler(
                (ex, args) -> {
                    ex.getCommandLine().getErr().println("Error: " + ex.getMessage());
                    return ExitCodes.ERROR;
                });
        return cmd;
    }

    private static boolean isHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return args.length == 1 && !args[0].equals("exec");
    }
}
