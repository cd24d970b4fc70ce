package io.jpod.model;

import io.jpod.model.yaml.Issues;
import io.jpod.model.yaml.Mark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems and notices across every file, so the user sees them all at once. */
final class Diagnostics implements Issues {
    private final List<String> files = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();

    void file(String name) {
        files.add(name);
    }

    @Override
    public void error(Mark at, String path, String message) {
        Problem p = new Problem(at.file(), at.line(), at.column(), path, message);
        if (!problems.contains(p)) { // a value read twice would otherwise be reported twice
            problems.add(p);
        }
    }

    @Override
    public void warn(Mark at, String path, String message) {
        notice(at, path.isEmpty() ? message : path + ": " + message);
    }

    void notice(Mark at, String message) {
        Notice n = new Notice(location(at), message);
        if (!notices.contains(n)) {
            notices.add(n);
        }
    }

    private static String location(Mark at) {
        if (at.file() == null) {
            return "";
        }
        return at.line() > 0 ? at.file() + ":" + at.line() + ":" + at.column() : at.file();
    }

    boolean failed() {
        return !problems.isEmpty();
    }

    /**
     * Problems in file order, then position; checks that run after reading would otherwise come
     * last.
     */
    List<Problem> problems() {
        return problems.stream()
                .sorted(
                        Comparator.comparingInt((Problem p) -> files.indexOf(p.file()))
                                .thenComparingInt(Problem::line)
                                .thenComparingInt(Problem::column))
                .toList();
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }
}
