package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.time.GoDuration;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Both waits a user brings: podman's {@code jpod wait [--condition STATE] CTR...}, printing each
 * container's exit code, and kubectl's {@code jpod wait --for=condition=Ready|delete pod/NAME...
 * [--timeout D]}, with kubectl's exit codes (1 when the timeout passes first). {@code --for}
 * chooses kubectl's.
 */
@Command(
        name = "wait",
        description =
                "Wait for containers to stop (or reach --condition) and print their exit codes;"
                        + " with --for, wait until pods are Ready or deleted.",
        footer = {
            "Examples:",
            "  jpod wait web-job",
            "  jpod wait --condition running web-app",
            "  jpod wait --for=condition=Ready pod/web --timeout=2m",
            "  jpod wait --for=delete pod/web --timeout=30s"
        })
public final class WaitCommand implements Callable<Integer> {

    /** kubectl's exit code when the condition is not met in time. */
    static final int TIMED_OUT = 1;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER|pod/NAME")
    List<String> targets;

    @Option(
            names = "--condition",
            paramLabel = "STATE",
            defaultValue = "stopped",
            description = "Containers: stopped (the default), exited or running.")
    String state;

    @Option(
            names = {"-i", "--interval"},
            paramLabel = "DURATION",
            defaultValue = "250ms",
            description = "Containers: how often to look (default: 250ms).")
    String interval;

    @Option(
            names = "--for",
            paramLabel = "CONDITION",
            description = "Pods: condition=Ready, or delete.")
    String condition;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "Pods: how long to wait: 60s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() throws Exception {
        return condition != null ? pods() : containers();
    }

    /** podman's wait on containers: each exit code on a line of its own. */
    private int containers() throws Exception {
        Duration every;
        try {
            every = GoDuration.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
        Engine engine = Engine.open(System.getenv());
        return Targets.each(
                targets, name -> Integer.toString(engine.waitContainer(name, state, every)));
    }

    /** kubectl's wait on pods. */
    private int pods() throws Exception {
        long millis = WaitTimeout.millis(timeout);
        List<String> names = new ArrayList<>();
        for (String t : targets) {
            names.add(podName(t));
        }
        Engine engine = Engine.open(System.getenv());
        String c = condition.toLowerCase(java.util.Locale.ROOT);
        if (c.equals("delete")) {
            List<String> left = engine.readyWait().deleted(names, millis);
            names.stream()
                    .filter(n -> !left.contains(n))
                    .forEach(n -> System.out.println("pod/" + n + " deleted"));
            if (!left.isEmpty()) {
                System.err.println(
                        "error: timed out waiting for the condition on pods/"
                                + String.join(", pods/", left));
                return TIMED_OUT;
            }
            return ExitCodes.OK;
        }
        if (!c.equals("condition=ready")) {
            throw new JpodException(
                    "unsupported --for \""
                            + condition
                            + "\": jpod waits for condition=Ready or delete");
        }
        // a prober killed since the pods were played is started again here
        engine.ensureProber();
        Map<String, List<String>> waiting = engine.readyWait().ready(names, millis);
        names.stream()
                .filter(n -> !waiting.containsKey(n))
                .forEach(n -> System.out.println("pod/" + n + " condition met"));
        if (!waiting.isEmpty()) {
            System.err.println(
                    "error: timed out waiting for the condition on pods/"
                            + String.join(", pods/", waiting.keySet()));
            waiting.forEach(
                    (pod, why) -> why.forEach(w -> System.err.println("  " + pod + ": " + w)));
            return TIMED_OUT;
        }
        return ExitCodes.OK;
    }

    /** "pod/web", "pods/web" or "web"; another kind is refused. */
    static String podName(String target) throws JpodException {
        int slash = target.indexOf('/');
        if (slash < 0) {
            return target;
        }
        String kind = target.substring(0, slash);
        if (!List.of("pod", "pods", "po").contains(kind)) {
            throw new JpodException(
                    "cannot wait for " + target + ": jpod waits for pods (pod/NAME)");
        }
        return target.substring(slash + 1);
    }
}
