package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code play kube --wait}: stays in the foreground until every container of the played pods has
 * exited for good (under restartPolicy Always, never; OnFailure, once it exits 0), or until SIGINT
 * or SIGTERM, and then removes the pods. The exit code is the first non-zero exit code of a
 * container, in the order of the pods and their containers, else 0 (podman's
 * --service-exit-code-propagation=any); after a signal the JVM's own (128 + the signal).
 */
final class PlayWait {

    private static final long POLL_MILLIS = 200;

    private PlayWait() {}

    static int run(Engine engine, List<PodRecord> pods) throws JpodException, IOException {
        AtomicBoolean tornDown = new AtomicBoolean();
        Thread onSignal = new Thread(() -> tearDown(engine, pods, tornDown));
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            while (true) {
                Optional<Integer> code = finished(engine, pods);
                if (code.isPresent()) {
                    tearDown(engine, pods, tornDown);
                    return code.get();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JpodException("interrupted while waiting for the pods");
        }
    }

    /** The code to exit with once no container will run again; empty while one may. */
    private static Optional<Integer> finished(Engine engine, List<PodRecord> played)
            throws IOException {
        List<Integer> codes = new ArrayList<>();
        for (PodRecord was : played) {
            Optional<PodRecord> now = engine.findPod(was.id());
            if (now.isEmpty()) {
                continue; // removed by someone else: nothing of it runs
            }
            PodRecord pod = now.get();
            for (ContainerRecord c : pod.containers()) {
                ContainerStatus s = engine.status(c);
                if (s.running() || !s.status().equals("exited") || restarts(pod, s)) {
                    return Optional.empty();
                }
                codes.add(s.exitCode());
            }
        }
        return Optional.of(codes.stream().filter(c -> c != 0).findFirst().orElse(0));
    }

    private static boolean restarts(PodRecord pod, ContainerStatus s) {
        return switch (pod.restartPolicy()) {
            case "Always" -> true;
            case "OnFailure" -> s.exitCode() != 0;
            default -> false;
        };
    }

    // synchronized: a signal during the teardown after the last exit waits for it to end
    private static synchronized void tearDown(
            Engine engine, List<PodRecord> pods, AtomicBoolean done) {
        if (done.getAndSet(true)) {
            return;
        }
        try {
            engine.removeEach(pods);
        } catch (JpodException | IOException e) {
            Errors.report(e);
        }
    }
}
