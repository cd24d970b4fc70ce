package io.jpod.runtime.probe;

import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits, by polling the records and health files, until pods are Ready or gone, as {@code kubectl
 * wait --for=condition=Ready} and {@code --for=delete} do.
 */
public final class ReadyWait {

    private static final long POLL_MILLIS = 200;

    /** Looks a pod up by name or id, now. */
    public interface Pods {
        Optional<PodRecord> find(String nameOrId) throws IOException;

        PodReadiness readiness(PodRecord pod) throws IOException;
    }

    private final Pods pods;
    private final Processes processes;

    public ReadyWait(Pods pods, Processes processes) {
        this.pods = pods;
        this.processes = processes;
    }

    /**
     * Returns, for each pod still not Ready at the deadline, why not; empty when all became Ready.
     * A pod that does not exist is not Ready.
     */
    public Map<String, List<String>> ready(List<String> names, long timeoutMillis)
            throws IOException, InterruptedException {
        long deadline = processes.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            Map<String, List<String>> waiting = new LinkedHashMap<>();
            for (String name : names) {
                Optional<PodRecord> pod = pods.find(name);
                if (pod.isEmpty()) {
                    waiting.put(name, List.of("no such pod"));
                    continue;
                }
                PodReadiness r = pods.readiness(pod.get());
                if (!r.isReady()) {
                    waiting.put(
                            name, r.notReady().isEmpty() ? List.of("no containers") : r.notReady());
                }
            }
            if (waiting.isEmpty() || processes.nanoTime() > deadline) {
                return waiting;
            }
            processes.sleep(POLL_MILLIS);
        }
    }

    /** Returns the pods that still exist at the deadline; empty when all are gone. */
    public List<String> deleted(List<String> names, long timeoutMillis)
            throws IOException, InterruptedException {
        long deadline = processes.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            List<String> left = new ArrayList<>();
            for (String name : names) {
                if (pods.find(name).isPresent()) {
                    left.add(name);
                }
            }
            if (left.isEmpty() || processes.nanoTime() > deadline) {
                return left;
            }
            processes.sleep(POLL_MILLIS);
        }
    }
}
