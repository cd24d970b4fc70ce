package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.spec.PodInput;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.spec.VolumeSource;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.HelperStatus;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class InspectionTest {

    private final ContainerRecord app = Records.container("a".repeat(64), "web-app", false);
    private final PodRecord pod = Records.pod(PodPhase.CREATED, app);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("State");
    }

    @Test
    void runningContainerHasPodmansKeys() {
        Map<String, Object> doc =
                Inspection.container(pod, app, new ContainerStatus("running", true, 0, null));
        assertTrue(
                doc.keySet()
                        .containsAll(
                                List.of(
                                        "Id",
                                        "Created",
                                        "Path",
                                        "Args",
                                        "State",
                                        "Image",
                                        "ImageName",
                                        "Pod",
                                        "Name",
                                        "RestartCount",
                                        "IsInfra")),
                doc.keySet().toString());
        assertEquals(app.id(), doc.get("Id"));
        assertEquals("web-app", doc.get("Name"));
        assertEquals(pod.id(), doc.get("Pod"));
        assertEquals("ab".repeat(32), doc.get("Image"), "the image id without its sha256: prefix");
        assertEquals("localhost/app:1", doc.get("ImageName"));
        assertEquals("/entry", doc.get("Path"));
        assertEquals(List.of("a", "b"), doc.get("Args"));
        assertEquals(2, doc.get("RestartCount"));
        Map<String, Object> state = state(doc);
        assertEquals("running", state.get("Status"));
        assertEquals(true, state.get("Running"));
        assertEquals(0, state.get("ExitCode"));
        assertEquals(12L, state.get("Pid"));
        assertEquals("2024-05-01T10:00:02Z", state.get("StartedAt"));
        assertEquals(
                "0001-01-01T00:00:00Z", state.get("FinishedAt"), "Go's zero time while running");
    }

    @Test
    void exitedContainerHasNoPidAndItsExitCode() {
        Instant finished = Instant.parse("2024-05-01T10:01:00Z");
        Map<String, Object> state =
                state(
                        Inspection.container(
                                pod, app, new ContainerStatus("exited", false, 137, finished)));
        assertEquals("exited", state.get("Status"));
        assertEquals(false, state.get("Running"));
        assertEquals(137, state.get("ExitCode"));
        assertEquals(0, ((Number) state.get("Pid")).intValue());
        assertEquals("2024-05-01T10:01:00Z", state.get("FinishedAt"));
    }

    @Test
    void podListsInfraAndContainersWithTheirStates() {
        ContainerStatus running = new ContainerStatus("running", true, 0, null);
        Map<String, Object> doc =
                Inspection.pod(
                        pod,
                        Map.of(app.id(), running, pod.infra().id(), running),
                        Optional.of(new HelperStatus("slirp4netns", 7, true, "")));
        assertEquals(pod.id(), doc.get("Id"));
        assertEquals("Running", doc.get("State"));
        assertEquals(true, doc.get("CreateInfra"));
        assertEquals(pod.infra().id(), doc.get("InfraContainerID"));
        assertEquals(2, doc.get("NumContainers"));
        assertEquals(
                List.of(
                        Map.of("Id", pod.infra().id(), "Name", "web-infra", "State", "running"),
                        Map.of("Id", app.id(), "Name", "web-app", "State", "running")),
                doc.get("Containers"));
        assertEquals(
                Map.of("Name", "slirp4netns", "Pid", 7L, "Running", true, "LastLog", ""),
                doc.get("NetworkHelper"));
    }

    @Test
    void configShowsTheEnvironmentWithSecretsMaskedAndThePodsLabels() throws Exception {
        ContainerPlan plan =
                new ContainerPlan(
                        "app",
                        "localhost/app:1",
                        "sha256:" + "ab".repeat(32),
                        List.of("/entry", "a"),
                        List.of("PATH=/bin", "PASS=s3cret", "MODE=fast"),
                        "/srv",
                        "1000",
                        false,
                        false,
                        false,
                        false,
                        List.of(),
                        List.of(),
                        List.of(
                                new ContainerPlan.MountPlan(
                                        "data",
                                        "/data",
                                        "sub",
                                        true,
                                        ContainerPlan.Propagation.NONE)),
                        List.of("PASS"));
        SpecInput spec =
                SpecInput.of(
                        new PodInput(
                                "web",
                                "/run/netns/web",
                                false,
                                "/pods/p",
                                List.of(new VolumeSource("data", "/vols/data", false)),
                                null),
                        plan,
                        1000,
                        1000,
                        null);
        ContainerRecord c = Records.container("a".repeat(64), "web-app", false, spec);
        Map<String, Object> doc =
                Inspection.container(
                        Records.pod(PodPhase.CREATED, c),
                        c,
                        new ContainerStatus("running", true, 0, null));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) doc.get("Config");
        assertEquals(
                List.of("PATH=/bin", "PASS=" + Inspection.MASKED, "MODE=fast"), config.get("Env"));
        assertFalse(Json.pretty(doc).contains("s3cret"), "the secret's value shows nowhere");
        assertEquals(Map.of("app", "web"), config.get("Labels"));
        assertEquals("/srv", config.get("WorkingDir"));
        assertEquals("1000", config.get("User"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) doc.get("Mounts");
        assertEquals("/vols/data/sub", mounts.getFirst().get("Source"));
        assertEquals("/data", mounts.getFirst().get("Destination"));
        assertEquals(false, mounts.getFirst().get("RW"));
        @SuppressWarnings("unchecked")
        Map<String, Object> host = (Map<String, Object>) doc.get("HostConfig");
        assertEquals(List.of("/vols/data/sub:/data:ro,rprivate"), host.get("Binds"));
        assertEquals(Map.of("Name", "always", "MaximumRetryCount", 0), host.get("RestartPolicy"));
    }
}
