package io.jpod.cli.command;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code play kube --wait-ready}: the played pods must become Ready in time, or the play fails
 * (exit 125, jpod's own error: the pods stay, as after any play) naming each pod and container that
 * is not Ready and why.
 */
final class ReadyGate {

    private ReadyGate() {}

    static void await(Engine engine, List<PodRecord> pods, long millis)
            throws JpodException, IOException, InterruptedException {
        List<String> names = pods.stream().map(PodRecord::name).toList();
        Map<String, List<String>> waiting = engine.readyWait().ready(names, millis);
        if (waiting.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        waiting.forEach(
                (pod, why) -> {
                    for (String w : why) {
                        lines.add(
                                "pod "
                                        + pod
                                        + " is not Ready after "
                                        + millis / 1000
                                        + "s: container "
                                        + w);
                    }
                });
        throw new JpodException(JpodException.ERROR, lines, null);
    }
}
