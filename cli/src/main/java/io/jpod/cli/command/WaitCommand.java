package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jpod wait --for=condition=Ready pod/NAME...} and {@code --for=delete}, kubectl's spelling
 * and exit codes: 0 when the condition is met, 1 when the timeout passes first.
 */
@Command(
        name = "wait",
        description = "Wait until pods are Ready (their readiness probes pass) or deleted.",
        footer = {
            "Examples:",
            "  jpod wait --for=condition=Ready pod/web",
            "  jpod wait --for=condition=Ready pod/web pod/db --timeout=2m",
            "  jpod wait --for=delete pod/web --timeout=30s"
        })
public final class WaitCommand implements Callable<Integer> {

    /** kubectl's exit code when the condition is not met in time. */
    static final int TIMED_OUT = 1;

    @Parameters(arity = "1..*", paramLabel = "pod/NAME", description = "Pods: pod/NAME or NAME.")
    List<String> targets;

    @Option(
            names = "--for",
            required = true,
            paramLabel = "CONDITION",
            description = "condition=Ready, or delete.")
    String condition;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "How long to wait: 60s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() throws Exception {
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
