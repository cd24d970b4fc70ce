package io.jpod.runtime.probe;

/**
 * One probe of one container, as the kubelet's worker keeps it: when it is due, and what its
 * results so far mean. Pure: times are the caller's monotonic nanoseconds, results the caller's.
 */
final class ProbeWorker {

    /** Which probe; each has its own meaning for its first state and for failure. */
    enum Kind {
        LIVENESS,
        READINESS,
        STARTUP;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final ProbePlan plan;
    private long nextAt;
    private boolean running;
    private int successes;
    private int failures;
    private boolean passing;
    private boolean decided;

    /** {@code startedAt}: when the container started, in the caller's nanoseconds. */
    ProbeWorker(Kind kind, ProbePlan plan, long startedAt) {
        this.kind = kind;
        this.plan = plan;
        this.nextAt = startedAt + seconds(plan.initialDelaySeconds());
        // liveness assumes the container is alive until proven otherwise; readiness and startup
        // that it is not ready, not started
        this.passing = kind == Kind.LIVENESS;
    }

    Kind kind() {
        return kind;
    }

    ProbePlan plan() {
        return plan;
    }

    /** Whether a run should begin now: past initialDelaySeconds and the period, none running. */
    boolean due(long now) {
        return !running && now >= nextAt;
    }

    /** Begins a run; the next is due a period on, as the kubelet's worker ticks. */
    void begin(long now) {
        running = true;
        nextAt = now + seconds(plan.periodSeconds());
    }

    /**
     * Begins a run of the prober's. The next one is due on the prober's grid, a multiple of the
     * period on the clock at least half a period from now: so the probes of all containers with one
     * period fall due together, and the prober can leave between them instead of waking for each
     * (the kubelet spreads its workers over the period). Between runs that is the period, but for
     * the first interval, between half a period and one and a half.
     */
    void beginOnGrid(long now) {
        running = true;
        long period = seconds(plan.periodSeconds());
        nextAt = Math.ceilDiv(now + period / 2, period) * period;
    }

    /** When it is next due; while it runs, when it will be once it has finished. */
    long nextAt() {
        return nextAt;
    }

    /** Whether a run has begun and not been recorded. */
    boolean running() {
        return running;
    }

    ProbeProgress progress() {
        return new ProbeProgress(nextAt, successes, failures, passing, decided);
    }

    /**
     * Goes on from a previous round's progress: a run it began and did not record is lost, as if it
     * had not begun. A next time beyond one period from now is not believed (a clock from another
     * boot): the probe is then due within the period.
     */
    void resume(ProbeProgress p, long now) {
        nextAt = Math.min(p.nextAt(), now + seconds(plan.periodSeconds()));
        successes = p.successes();
        failures = p.failures();
        passing = p.passing();
        decided = p.decided();
    }

    /** Records a run's result; returns whether the verdict changed. */
    boolean record(boolean success) {
        running = false;
        boolean before = passing;
        if (success) {
            successes++;
            failures = 0;
            if (successes >= plan.successThreshold()) {
                passing = true;
                decided = true;
            }
        } else {
            failures++;
            successes = 0;
            if (failures >= plan.failureThreshold()) {
                passing = false;
                decided = true;
            }
        }
        return before != passing;
    }

    /**
     * The verdict: for liveness, alive; readiness, ready; startup, started. A liveness or startup
     * probe that stops passing means the container is to be killed.
     */
    boolean passing() {
        return passing;
    }

    /**
     * Whether the container is to be killed: liveness past failureThreshold, or a startup probe
     * that never passed. Readiness never kills.
     */
    boolean failed() {
        return switch (kind) {
            case LIVENESS -> !passing;
            case STARTUP -> decided && !passing;
            case READINESS -> false;
        };
    }

    /** Whether a threshold was ever reached: before that the verdict is only the initial one. */
    boolean decided() {
        return decided;
    }

    int failures() {
        return failures;
    }

    private static long seconds(long s) {
        return s * 1_000_000_000L;
    }
}
