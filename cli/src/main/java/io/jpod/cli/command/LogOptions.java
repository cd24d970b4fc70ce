package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.LogWindow;
import io.jpod.cli.time.TimeArg;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.logs.K8sFileLog;
import io.jpod.runtime.logs.LogLine;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What {@code logs} and {@code pod logs} share: which lines, how they are prefixed, following. */
final class LogOptions {

    @Option(
            names = {"-f", "--follow"},
            description = "Follow the output until the containers exit.")
    boolean follow;

    @Option(names = "--tail", defaultValue = "-1", description = "Only the last N lines (-1: all).")
    int tail;

    @Option(
            names = {"-t", "--timestamps"},
            description = "Prefix each line with its time.")
    boolean timestamps;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description =
                    "Only lines from TIME on: RFC 3339, a date, Unix seconds or a duration back"
                            + " from now (10m, 1h30m).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only lines up to TIME.")
    String until;

    @Option(
            names = {"-n", "--names"},
            description = "Prefix lines with container names instead of IDs.")
    boolean names;

    /** {@code pod logs}: the pod's containers, or the one named by {@code container}. */
    int podLogs(Engine engine, String podName, String container) throws Exception {
        PodRecord p = engine.pod(podName);
        List<ContainerRecord> containers =
                p.containers().stream()
                        .filter(
                                c ->
                                        container == null
                                                || c.name().equals(container)
                                                || c.id().startsWith(container))
                        .toList();
        if (containers.isEmpty()) {
            throw new JpodException("pod " + p.name() + " has no container " + container);
        }
        return print(engine, containers, true);
    }

    int print(Engine engine, List<ContainerRecord> containers, boolean prefixed) throws Exception {
        LogWindow window = window();
        List<String> prefixes =
                containers.stream()
                        .map(c -> prefixed ? (names ? c.name() : c.shortId()) + " " : "")
                        .toList();
        if (follow) {
            follow(engine, containers, prefixes, window);
        } else {
            List<List<LogLine>> logs = new ArrayList<>();
            for (ContainerRecord c : containers) {
                logs.add(engine.log(c).read(-1));
            }
            window.merge(prefixes, logs).forEach(t -> print(t.prefix(), t.line()));
        }
        System.out.flush();
        return ExitCodes.OK;
    }

    private LogWindow window() throws JpodException {
        Instant now = Instant.now();
        try {
            return new LogWindow(
                    since == null ? null : TimeArg.parse(since, now, ZoneId.systemDefault()),
                    until == null ? null : TimeArg.parse(until, now, ZoneId.systemDefault()),
                    tail);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
    }

    /** One thread per container; lines are printed whole, as they come. */
    private void follow(
            Engine engine,
            List<ContainerRecord> containers,
            List<String> prefixes,
            LogWindow window)
            throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerRecord c = containers.get(i);
            String prefix = prefixes.get(i);
            K8sFileLog log = engine.log(c);
            threads.add(
                    Thread.ofVirtual()
                            .start(
                                    () -> {
                                        try {
                                            log.follow(
                                                    tail,
                                                    () -> engine.status(c).running(),
                                                    line -> {
                                                        if (window.contains(line)) {
                                                            print(prefix, line);
                                                        }
                                                    });
                                        } catch (IOException | InterruptedException e) {
                                            synchronized (failures) {
                                                failures.add(e);
                                            }
                                        }
                                    }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }

    private synchronized void print(String prefix, LogLine line) {
        String text = prefix + (timestamps ? line.time() + " " + line.text() : line.text());
        (line.stderr() ? System.err : System.out).println(text);
    }
}
