package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The Job controller's loop on the recording fake: what it plays, when, and how it ends. */
class JobRunTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;
    private final List<String> played = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
    }

    private JobPlan job(int completions, int parallelism, int backoffLimit, Long deadline) {
        List<PodPlan> pods =
                IntStream.range(0, completions)
                        .mapToObj(
                                i ->
                                        Plans.pod(
                                                "j-" + i,
                                                "Never",
                                                1,
                                                List.of(),
                                                List.of(Plans.container("w", host.image.id()))))
                        .toList();
        return new JobPlan("j", parallelism, backoffLimit, deadline, pods);
    }

    private JobRun.Result run(JobPlan job) throws Exception {
        return engine.runJob(job, false, (PodRecord p) -> played.add(p.name()), notices::add);
    }

    @Test
    void everyIndexRunsOnceWhenAllSucceed() throws Exception {
        for (int i = 0; i < 3; i++) {
            host.exitOnStart.put("j-" + i + "-w", 0);
        }
        JobRun.Result result = run(job(3, 2, 6, null));
        assertTrue(result.complete(), result.toString());
        assertEquals(0, result.exitCode());
        assertEquals(3, result.succeeded());
        assertEquals(List.of("j-0", "j-1", "j-2"), played);
    }

    @Test
    void aFailingIndexIsReplayedUntilTheBackoffLimitThenTheJobFailsWithItsExitCode()
            throws Exception {
        host.exitOnStart.put("j-0-w", 3);
        JobRun.Result result = run(job(1, 1, 2, null));
        assertFalse(result.complete());
        assertEquals("BackoffLimitExceeded", result.reason());
        assertEquals(3, result.failed(), "backoffLimit 2: the third failure ends it");
        assertEquals(3, result.exitCode());
        assertEquals(List.of("j-0", "j-0", "j-0"), played, "each retry a new pod of that name");
        assertEquals(3, notices.size(), notices.toString());
        assertTrue(host.processes.slept() >= 10_000, "the back-off between retries");
    }

    @Test
    void pastTheDeadlineTheRunningPodsAreStopped() throws Exception {
        JobRun.Result result = run(job(2, 2, 6, 5L));
        assertFalse(result.complete());
        assertEquals("DeadlineExceeded", result.reason());
        assertEquals(1, result.exitCode());
        assertFalse(host.running("j-0-w"));
        assertFalse(host.running("j-1-w"));
        assertEquals(List.of("j-0", "j-1"), played);
    }
}
