package io.jpod.model;

import java.util.List;
import java.util.stream.Collectors;

/** The manifests cannot be run; carries every problem found, not just the first. */
public final class ManifestException extends Exception {
    private final transient List<Problem> problems;
    private final transient List<Notice> notices;

    public ManifestException(List<Problem> problems, List<Notice> notices) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.notices = List.copyOf(notices);
    }

    public ManifestException(Problem problem) {
        this(List.of(problem), List.of());
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Warnings found alongside the problems, worth showing too. */
    public List<Notice> notices() {
        return notices;
    }
}
