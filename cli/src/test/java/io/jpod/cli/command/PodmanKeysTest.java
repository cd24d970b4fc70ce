package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jpod.cli.output.ContainerView;
import io.jpod.cli.output.ImageView;
import io.jpod.cli.output.Inspection;
import io.jpod.cli.output.PodView;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageConfig;
import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.spec.PodInput;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.spec.VolumeSource;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.ContainerStatus;
import io.jpod.runtime.state.NetworkRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.PortMapping;
import io.jpod.runtime.volume.VolumeStore;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every key jpod writes in its JSON is one of podman's, spelled and typed as podman writes it,
 * checked against what podman 4.3.1 printed for the same pod (test resources {@code podman/}).
 * podman has keys jpod cannot fill truthfully; the few of jpod's own are listed here.
 */
class PodmanKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    /**
     * jpod's own: the bundle directory, a pod's address and network mode, which podman shows only
     * on its infra container, and what the kubelet would report of a container (KubeState).
     */
    /**
     * Ready: readiness, and KubeState: the kubelet's view of a container's life, which podman does
     * not have (pod ps json; a container's State).
     */
    private static final Set<String> JPOD_ONLY =
            Set.of("$.Bundle", "$.NetworkSettings", "$.Ready", "$.State.Ready", "$.KubeState");

    private final ContainerRecord app = container();
    private final PodRecord pod =
            new PodRecord(
                    "p".repeat(64),
                    "fmt",
                    "fmt",
                    PodPhase.CREATED,
                    1,
                    T,
                    Map.of("app", "formatted"),
                    2,
                    "Always",
                    new NetworkRecord(
                            "slirp4netns",
                            "/run/netns/fmt",
                            0,
                            0,
                            "",
                            List.of(new PortMapping("TCP", "", 18080, 8080))),
                    null,
                    List.of(app),
                    List.of(),
                    PodRecord.Holds.NONE);
    private final Map<String, ContainerStatus> states =
            Map.of(app.id(), new ContainerStatus("running", true, 0, null));
    private final Image image =
            new Image(
                    "sha256:" + "ab".repeat(32),
                    List.of("localhost/jpod-busybox:latest"),
                    List.of("sha256:" + "cd".repeat(32)),
                    new ImageConfig(
                            List.of(),
                            List.of("sh"),
                            List.of("PATH=/bin"),
                            "/",
                            "",
                            Map.of(),
                            List.of()),
                    T,
                    2_100_000);

    private static ContainerRecord container() {
        ContainerPlan plan =
                new ContainerPlan(
                        "main",
                        "localhost/jpod-busybox:latest",
                        "sha256:" + "ab".repeat(32),
                        List.of("sh", "-c", "sleep 600"),
                        List.of("PATH=/bin", "MODE=fast"),
                        "/tmp",
                        "",
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
                                        null,
                                        false,
                                        ContainerPlan.Propagation.NONE)),
                        List.of());
        SpecInput spec;
        try {
            spec =
                    SpecInput.of(
                            new PodInput(
                                    "fmt",
                                    "/run/netns/fmt",
                                    false,
                                    "/pods/p",
                                    List.of(new VolumeSource("data", "/vols/data", false)),
                                    null),
                            plan,
                            0,
                            0,
                            null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new ContainerRecord(
                "c".repeat(64),
                "fmt-main",
                "p".repeat(64),
                false,
                "localhost/jpod-busybox:latest",
                "sha256:" + "ab".repeat(32),
                List.of("sh", "-c", "sleep 600"),
                "/data/containers/c/userdata",
                "/rootfs",
                true,
                T,
                T,
                11,
                12,
                13,
                0,
                spec);
    }

    @Test
    void containerInspect() throws IOException {
        compare(
                Inspection.container(pod, app, states.get(app.id())),
                reference("ctr.json").path(0));
    }

    @Test
    void podInspect() throws IOException {
        compare(Inspection.pod(pod, states, Optional.empty()), reference("pod.json"));
    }

    @Test
    void psJson() throws IOException {
        compare(
                ContainerView.json(pod, app, states.get(app.id()), T),
                reference("ps.json").path(0));
    }

    @Test
    void podPsJson() throws IOException {
        compare(PodView.json(pod, states, "Running", "1/1"), reference("podps.json").path(0));
    }

    @Test
    void imagesJsonAndImageInspect() throws IOException {
        compare(ImageView.json(image), reference("images.json").path(0));
        compare(ImagesCommand.inspect(image), reference("image.json").path(0));
    }

    @Test
    void volumeInspectAndLs() throws IOException {
        var v = new VolumeStore.Volume("v1", Path.of("/vols/v1/_data"), T);
        compare(VolumeCommand.document(v), reference("volume.json").path(0));
        compare(VolumeCommand.document(v), reference("volumes.json").path(0));
    }

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = PodmanKeysTest.class.getResourceAsStream("/podman/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static void compare(Object jpod, JsonNode podman) {
        List<String> wrong = new ArrayList<>();
        walk("$", JSON.valueToTree(jpod), podman, wrong);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void walk(String path, JsonNode ours, JsonNode theirs, List<String> wrong) {
        if (theirs == null || theirs.isMissingNode()) {
            if (!JPOD_ONLY.contains(path)) {
                wrong.add(path + ": podman has no such key");
            }
            return;
        }
        // podman writes Go's nil slices and maps as null; anything of ours fits there
        if (ours.isNull() || theirs.isNull()) {
            return;
        }
        if (!ours.getNodeType().equals(theirs.getNodeType())) {
            wrong.add(
                    path
                            + ": jpod writes "
                            + ours.getNodeType()
                            + ", podman "
                            + theirs.getNodeType());
            return;
        }
        if (ours.isObject() && !isMapValued(path)) {
            for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                walk(path + "." + key, ours.get(key), theirs.get(key), wrong);
            }
        } else if (ours.isArray() && !ours.isEmpty() && !theirs.isEmpty()) {
            walk(path + "[0]", ours.get(0), theirs.get(0), wrong);
        }
    }

    /** Maps whose keys are data (labels, ports), not field names. */
    private static boolean isMapValued(String path) {
        return path.endsWith(".Labels")
                || path.endsWith(".Annotations")
                || path.endsWith(".Ports")
                || path.endsWith(".PortBindings")
                || path.endsWith(".Options")
                || path.endsWith(".Namespaces");
    }

    @Test
    void theReferencesAreWhatPodmanWrote() throws IOException {
        assertEquals("fmt-main", reference("ctr.json").path(0).path("Name").asText());
    }
}
