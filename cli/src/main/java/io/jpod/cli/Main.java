package io.jpod.cli;

import io.jpod.cli.command.CommandModel;
import io.jpod.cli.command.CompletionCommand;
import io.jpod.cli.command.ProberCommand;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.sys.ProcessExit;
import io.jpod.runtime.sys.Trace;
import io.jpod.runtime.userns.UserNamespace;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

/** jpod's entry point. */
public final class Main {

    /**
     * Verbs that mount, chown or drive the OCI runtime, and so must run as root of jpod's user
     * namespace.
     */
    private static final Set<String> NAMESPACED =
            Set.of(
                    "play", "kube", "pod", "exec", "pull", "image", "load", "save", "import", "rmi",
                    "rm", "stop", "start", "volume", "restart", "kill", "cp", "top", "system",
                    "wait");

    /** The java.sql and java.time types, for which no jpod option is declared (MainTest checks). */
    static final String UNUSED_CONVERTERS = "java\\.(sql|time)\\..*";

    static {
        // Before picocli's first class. Its default factory looks for Groovy's Closure once, and a
        // class that is not there is looked for in each of the ~44 jars of the class path, each
        // opened for it: ~18 ms of every command.
        System.setProperty("picocli.disable.closures", "true");
        // Each CommandLine registers converters for java.sql and java.time types by reflection,
        // which initialises those classes and java.time's formatters: ~5 ms of every command.
        System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
    }

    private static final CommandModel MODEL = CommandModel.load();

    private Main() {}

    public static void main(String[] args) {
        int code = run(args);
        Trace.mark("cli: command returned");
        ProcessExit.exit(code);
    }

    static int run(String[] args) {
        Trace.mark("jvm: start to main");
        int verb = verb(args);
        if (verb < args.length
                && NAMESPACED.contains(args[verb])
                && !isHelp(args, verb)
                && !talksToCluster(args, verb)) {
            try {
                OptionalInt code =
                        UserNamespace.enterIfNeeded(System.getenv(), CredentialArgs.relaunch(args));
                if (code.isPresent()) {
                    return code.getAsInt();
                }
            } catch (Exception e) {
                return Errors.report(
                        new JpodException("cannot enter jpod's user namespace: " + e.getMessage()));
            }
        }
        if (verb == args.length - 1 && args[verb].equals(ProberCommand.NAME)) {
            // long-lived: spare it the classes of every other command that picocli would load
            return ProberCommand.run();
        }
        return commandLine(args).execute(args);
    }

    /** Every verb: for help, completion, and suggestions for a mistyped verb. */
    static CommandLine commandLine() {
        CommandSpec root = MODEL.root();
        for (String verb : MODEL.verbs()) {
            root.addSubcommand(verb, MODEL.verb(verb));
        }
        return configured(new CommandLine(root));
    }

    /**
     * The command line for these arguments: the top level and only their verb, when it is one of
     * jpod's and needs no other (completion describes them all), else every verb; of a verb with
     * subcommands, such as {@code pod}, only the one that follows it. Building a verb's model is
     * most of what {@code version} or {@code ps} costs, even generated.
     */
    static CommandLine commandLine(String[] args) {
        int at = verb(args);
        CommandSpec verb = at < args.length ? MODEL.verb(args[at], subcommand(args, at)) : null;
        if (verb == null || verb.userObject() instanceof CompletionCommand) {
            return commandLine();
        }
        CommandSpec root = MODEL.root();
        root.addSubcommand(verb.name(), verb);
        return configured(new CommandLine(root));
    }

    private static CommandLine configured(CommandLine cmd) {
        CommandLine exec = cmd.getSubcommands().get("exec");
        if (exec != null) {
            // everything after the container name belongs to the command run inside it
            exec.setStopAtPositional(true);
        }
        // the one place failures become output and exit codes: commands only throw
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> Errors.report(ex, line.getErr()));
        cmd.setParameterExceptionHandler(Main::usageError);
        return cmd;
    }

    /** A command line jpod cannot parse: the problem, and what was probably meant. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        CommandSpec spec = line.getCommandSpec();
        boolean group =
                !(spec.userObject() instanceof Runnable || spec.userObject() instanceof Callable);
        if (group && "Missing required subcommand".equals(ex.getMessage())) {
            // podman's answer to a verb group without its verb
            line.usage(line.getErr());
            return Errors.report(
                    new JpodException("missing command '" + spec.qualifiedName() + " COMMAND'"),
                    line.getErr());
        }
        int code = Errors.report(new JpodException(ex.getMessage()), line.getErr());
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, line.getErr());
        }
        line.getErr().println("Try '" + spec.qualifiedName() + " --help' for more information.");
        line.getErr().flush();
        return code;
    }

    /** Where the verb is: after the global options, as in {@code jpod --log-level debug pod ps}. */
    static int verb(String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            i += args[i].equals("--log-level") ? 2 : 1;
        }
        return i;
    }

    /**
     * The first word after the verb that is no option: a subcommand, if the verb has one so named.
     */
    private static String subcommand(String[] args, int verb) {
        for (int i = verb + 1; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** {@code kube apply} touches nothing local: it reads manifests and talks to a cluster. */
    private static boolean talksToCluster(String[] args, int verb) {
        return args[verb].equals("kube")
                && args.length > verb + 1
                && args[verb + 1].equals("apply");
    }

    private static boolean isHelp(String[] args, int verb) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return args.length == verb + 1 && !args[verb].equals("exec");
    }
}
