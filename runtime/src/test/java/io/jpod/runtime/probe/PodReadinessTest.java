package io.jpod.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.LifePlan;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Readiness as the kubelet derives it, and probes kept in the pod's record across invocations. */
class PodReadinessTest {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");
    private static final ContainerStatus RUNNING = new ContainerStatus("running", true, 0, null);
    private static final ContainerStatus EXITED = new ContainerStatus("exited", false, 1, T);

    @TempDir Path dir;

    private static ProbePlan probe(ProbePlan.Action action) {
        return new ProbePlan(action, 0, 1, 1, 1, 3, null);
    }

    private static final ProbePlan HTTP =
            probe(
                    new ProbePlan.Action.HttpGet(
                            "HTTP", null, 8080, "/", List.of(new ProbePlan.Header("A", "b"))));
    private static final ProbePlan EXEC =
            probe(new ProbePlan.Action.Exec(List.of("test", "-f", "/tmp/ok")));

    private static ContainerRecord container(String name, ContainerProbes probes) {
        return container(name, probes, LifePlan.DEFAULT);
    }

    private static ContainerRecord sidecar(String name, ContainerProbes probes) {
        return container(
                name,
                probes,
                new LifePlan(null, null, "TERM", LifePlan.DEFAULT_TERMINATION_PATH, false, true));
    }

    private static ContainerRecord container(String name, ContainerProbes probes, LifePlan life) {
        ContainerPlan plan =
                new ContainerPlan(
                        name,
                        "box",
                        "sha256:" + "ab".repeat(32),
                        List.of("sh"),
                        List.of(),
                        "",
                        "",
                        false,
                        false,
                        false,
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        probes,
                        ContainerPlan.Confinement.DEFAULT,
                        life);
        return new ContainerRecord(
                name.repeat(64).substring(0, 64),
                "web-" + name,
                "p".repeat(64),
                false,
                "box",
                "sha256:" + "ab".repeat(32),
                List.of("sh"),
                "/b",
                "/b/rootfs",
                false,
                T,
                T,
                10,
                11,
                77,
                0,
                new SpecInput(null, plan, 0, 0, null));
    }

    private static PodRecord pod(PodPhase phase, ContainerRecord... containers) {
        return new PodRecord(
                "p".repeat(64),
                "web",
                "web",
                phase,
                1,
                T,
                Map.of(),
                30,
                "Always",
                null,
                null,
                List.of(containers),
                List.of(),
                PodRecord.Holds.NONE);
    }

    private static Optional<PodHealth> health(ContainerRecord c, long startTime, boolean ready) {
        return Optional.of(
                new PodHealth(
                        T,
                        Map.of(
                                c.name(),
                                new ContainerHealth(
                                        c.id(),
                                        startTime,
                                        ready ? ContainerHealth.HEALTHY : ContainerHealth.UNHEALTHY,
                                        ready ? 0 : 2,
                                        true,
                                        ready,
                                        List.of()))));
    }

    private static Map<String, ContainerStatus> states(ContainerStatus s, ContainerRecord... cs) {
        return java.util.Arrays.stream(cs)
                .collect(java.util.stream.Collectors.toMap(ContainerRecord::id, c -> s));
    }

    @Test
    void runningContainersWithoutReadinessOrStartupProbesAreReady() {
        ContainerRecord plain = container("a", ContainerProbes.NONE);
        ContainerRecord live = container("b", new ContainerProbes(EXEC, null, null));
        PodReadiness r =
                PodReadiness.of(
                        pod(PodPhase.CREATED, plain, live),
                        states(RUNNING, plain, live),
                        Optional.empty());
        assertTrue(r.isReady(), r.notReady().toString());
        assertEquals("2/2", r.ratio());
        PodRecord pod = pod(PodPhase.CREATED, plain, live);
        assertEquals("", PodReadiness.healthStatus(pod, plain, Optional.empty()));
        assertEquals(
                ContainerHealth.STARTING, PodReadiness.healthStatus(pod, live, Optional.empty()));
    }

    @Test
    void aSidecarIsProbedAndCountedAsTheKubeletDoesAndACompletedInitContainerIsNot() {
        ContainerRecord refresher = sidecar("refresher", new ContainerProbes(null, HTTP, null));
        ContainerRecord prepare = container("prepare", new ContainerProbes(null, null, EXEC));
        ContainerRecord app = container("web", ContainerProbes.NONE);
        PodRecord pod =
                pod(PodPhase.CREATED, app).withInitContainer(prepare).withInitContainer(refresher);
        assertEquals(List.of(refresher, app), Prober.probeable(pod));
        assertEquals(
                ContainerHealth.STARTING,
                PodReadiness.healthStatus(pod, refresher, Optional.empty()));
        assertEquals("", PodReadiness.healthStatus(pod, prepare, Optional.empty()));
        Map<String, ContainerStatus> running = states(RUNNING, refresher, app);
        PodReadiness waiting = PodReadiness.of(pod, running, Optional.empty());
        assertEquals("1/2", waiting.ratio(), "kubectl's READY counts sidecars");
        assertEquals(List.of("web-refresher: no probe result yet"), waiting.notReady());
        assertTrue(PodReadiness.of(pod, running, health(refresher, 77, true)).isReady());
    }

    @Test
    void aReadinessProbeMustHavePassedForThisRunOfTheContainer() {
        ContainerRecord c = container("a", new ContainerProbes(null, HTTP, null));
        PodRecord pod = pod(PodPhase.CREATED, c);
        assertEquals(
                List.of("web-a: no probe result yet"),
                PodReadiness.of(pod, states(RUNNING, c), Optional.empty()).notReady());
        assertTrue(PodReadiness.of(pod, states(RUNNING, c), health(c, 77, true)).isReady());
        assertFalse(
                PodReadiness.of(pod, states(RUNNING, c), health(c, 76, true)).isReady(),
                "results of the run before a restart do not count");
        assertEquals(
                List.of(
                        "web-a: readiness probe http-get http://:8080/ is not passing (2"
                                + " failures in a row)"),
                PodReadiness.of(pod, states(RUNNING, c), health(c, 77, false)).notReady());
    }

    @Test
    void notRunningOrAStoppedPodIsNeverReady() {
        ContainerRecord c = container("a", ContainerProbes.NONE);
        assertEquals(
                List.of("web-a: not running"),
                PodReadiness.of(pod(PodPhase.CREATED, c), states(EXITED, c), Optional.empty())
                        .notReady());
        assertFalse(
                PodReadiness.of(pod(PodPhase.STOPPED, c), states(RUNNING, c), Optional.empty())
                        .isReady());
        assertEquals(
                "0/0", PodReadiness.of(pod(PodPhase.CREATED), Map.of(), Optional.empty()).ratio());
        assertFalse(PodReadiness.of(pod(PodPhase.CREATED), Map.of(), Optional.empty()).isReady());
    }

    @Test
    void probesSurviveTheRecordOnDisk() throws Exception {
        ContainerProbes probes =
                new ContainerProbes(EXEC, HTTP, probe(new ProbePlan.Action.TcpSocket("db", 5432)));
        StateStore store = new StateStore(dir);
        store.save(pod(PodPhase.CREATED, container("a", probes)));
        assertEquals(
                probes,
                store.pods().getFirst().containers().getFirst().spec().container().probes());
        ContainerProbes grpc =
                new ContainerProbes(null, probe(new ProbePlan.Action.Grpc(9000, "svc")), null);
        store.save(pod(PodPhase.CREATED, container("a", grpc)));
        assertEquals(
                grpc, store.pods().getFirst().containers().getFirst().spec().container().probes());
    }
}
