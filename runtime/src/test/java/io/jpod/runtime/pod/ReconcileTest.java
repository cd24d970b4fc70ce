package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.spec.PodInput;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** play kube --replace on the engine's fakes: what runs is touched only where the plan changed. */
class ReconcileTest {

    private static final String SOURCE = "/srv/app.yaml";

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;
    private String box;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
        box = host.image.id();
    }

    private SourcedPlan plan(String name, String greeting, String... containers) {
        PodPlan p = Plans.pod(name, box, containers);
        return new SourcedPlan(
                Plans.withVolumes(
                        p,
                        List.of(
                                new VolumePlan.Files(
                                        "cfg",
                                        List.of(
                                                new VolumePlan.FileEntry(
                                                        "greeting",
                                                        greeting.getBytes(StandardCharsets.UTF_8),
                                                        0644))))),
                SOURCE);
    }

    private List<String> reconcile(SourcedPlan... plans) throws Exception {
        return engine.reconcile(List.of(plans), Set.of(SOURCE), true, PlayOptions.DEFAULT).stream()
                .map(r -> r.pod().name() + "=" + r.action().word())
                .toList();
    }

    @Test
    void unchangedPodsAreNotTouchedAndChangedOnesAreReplaced() throws Exception {
        assertEquals(
                List.of("keep=created", "change=created", "gone=created"),
                reconcile(
                        plan("keep", "hi", "a"),
                        plan("change", "hi", "a"),
                        plan("gone", "hi", "a")));
        long keepPid = host.pid("keep-a");
        long changePid = host.pid("change-a");
        int before = host.events().size();

        assertEquals(
                List.of("keep=unchanged", "change=replaced", "gone=removed"),
                reconcile(plan("keep", "hi", "a"), plan("change", "hi", "a", "b")));
        List<String> events = host.events().subList(before, host.events().size());
        assertTrue(
                events.stream().noneMatch(e -> e.contains("keep-")),
                "nothing is done to the unchanged pod: " + events);
        assertEquals(keepPid, host.pid("keep-a"));
        assertNotEquals(changePid, host.pid("change-a"));
        assertTrue(host.running("change-b"));
        assertTrue(engine.findPod("gone").isEmpty());
    }

    @Test
    void changedFilesAreSwappedInPlace() throws Exception {
        reconcile(plan("web", "hello", "a"));
        PodRecord before = engine.pod("web");
        int events = host.events().size();

        assertEquals(List.of("web=updated"), reconcile(plan("web", "bonjour", "a")));
        Path file =
                PodInput.podVolume(host.rt.layout().pods().resolve(before.id()), "cfg")
                        .resolve("greeting");
        assertEquals("bonjour", Files.readString(file));
        assertEquals(events, host.events().size(), "no container is touched");
        PodRecord after = engine.pod("web");
        assertEquals(before.id(), after.id());
        assertEquals(plan("web", "bonjour", "a").applied(), after.applied());
        assertTrue(engine.planText(after).contains("7 bytes"), engine.planText(after));
        assertEquals(List.of("web=unchanged"), reconcile(plan("web", "bonjour", "a")));
    }

    @Test
    void startFalseCreatesTheContainersOnlyAndPodStartStartsThem() throws Exception {
        engine.play(List.of(plan("idle", "hi", "a")), false, new PlayOptions(false));
        assertTrue(host.events().contains("create idle-a"));
        assertTrue(!host.events().contains("start idle-a"), host.events().toString());
        assertEquals("created", engine.status(engine.pod("idle").containers().getFirst()).status());
        engine.start("idle");
        assertTrue(host.events().contains("start idle-a"), host.events().toString());
        assertEquals("running", engine.status(engine.pod("idle").containers().getFirst()).status());
    }
}
