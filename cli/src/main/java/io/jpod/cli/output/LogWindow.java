package io.jpod.cli.output;

import io.jpod.runtime.logs.LogLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which log lines {@code logs} prints: those from {@code since} up to {@code until} (either null
 * for no bound), then the last {@code tail} of them (negative: all).
 */
public record LogWindow(Instant since, Instant until, int tail) {

    public boolean contains(LogLine line) {
        return (since == null || !line.time().isBefore(since))
                && (until == null || !line.time().isAfter(until));
    }

    public List<LogLine> select(List<LogLine> lines) {
        List<LogLine> in = lines.stream().filter(this::contains).toList();
        return tail < 0 || in.size() <= tail ? in : in.subList(in.size() - tail, in.size());
    }

    /** One line of one container's log, for the output of several. */
    public record Tagged(String prefix, LogLine line) {}

    /**
     * The lines of several containers' logs merged by time (stable: a container's own order stays),
     * each window applied per container as podman does.
     */
    public List<Tagged> merge(List<String> prefixes, List<List<LogLine>> logs) {
        List<Tagged> all = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            for (LogLine line : select(logs.get(i))) {
                all.add(new Tagged(prefixes.get(i), line));
            }
        }
        all.sort(Comparator.comparing(t -> t.line().time()));
        return all;
    }
}
