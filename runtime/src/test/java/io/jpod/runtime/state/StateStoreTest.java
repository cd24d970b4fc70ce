package io.jpod.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class StateStoreTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir Path dir;

    @Test
    void roundTripKeepsContainersNetworkAndTimes() throws Exception {
        StateStore store = new StateStore(dir);
        ContainerRecord infra = Records.container("i".repeat(64), "web-infra");
        ContainerRecord app =
                Records.container("a".repeat(64), "web-app")
                        .started(11, 12, 13, Instant.parse("2024-05-01T10:00:01.5Z"));
        NetworkRecord net =
                new NetworkRecord(
                        "slirp4netns",
                        "/run/netns/x",
                        99,
                        1234,
                        "/run/x.sock",
                        List.of(new PortMapping("TCP", "127.0.0.1", 18080, 80)));
        PodRecord pod =
                Records.pod("f".repeat(64), "web", T0)
                        .withNetwork(net)
                        .withInfra(infra)
                        .withContainer(app);
        store.save(pod);
        PodRecord loaded = store.pod("web").orElseThrow();
        assertEquals(pod, loaded);
        assertEquals(List.of(infra, pod.containers().getFirst()), loaded.allContainers());
        assertEquals(18080, loaded.network().ports().getFirst().hostPort());
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporary() throws Exception {
        StateStore store = new StateStore(dir);
        PodRecord pod = Records.pod("f".repeat(64), "web", T0);
        store.save(pod);
        store.save(pod.withPhase(PodPhase.REMOVING));
        assertEquals(
                List.of(PodPhase.REMOVING), store.pods().stream().map(PodRecord::phase).toList());
        try (var files = Files.list(dir.resolve("pods"))) {
            assertEquals(
                    List.of("f".repeat(64) + ".json"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        store.delete(pod.id());
        assertEquals(List.of(), store.pods());
        store.delete(pod.id()); // deleting twice is fine
    }

    @Test
    void podsAreSortedByCreationAndIgnoreStrayTemporaries() throws Exception {
        StateStore store = new StateStore(dir);
        store.save(Records.pod("b".repeat(64), "second", T0.plusSeconds(5)));
        store.save(Records.pod("a".repeat(64), "first", T0));
        // a writer killed between write and rename leaves a .json.tmp behind: it is not a pod
        Files.writeString(dir.resolve("pods").resolve("c".repeat(64) + ".json.tmp"), "{\"id\":");
        assertEquals(
                List.of("first", "second"), store.pods().stream().map(PodRecord::name).toList());
    }

    @Test
    void emptyStoreHasNoPods() throws Exception {
        assertEquals(List.of(), new StateStore(dir.resolve("absent")).pods());
        assertEquals(Optional.empty(), new StateStore(dir.resolve("absent")).pod("web"));
    }

    @Test
    void lookupByNameFullIdUniquePrefix() throws Exception {
        StateStore store = new StateStore(dir);
        String id1 = "abc1" + "0".repeat(60);
        String id2 = "abc2" + "0".repeat(60);
        store.save(Records.pod(id1, "web", T0));
        store.save(Records.pod(id2, "db", T0.plusSeconds(1)));
        assertEquals("web", store.pod("web").orElseThrow().name());
        assertEquals("db", store.pod(id2).orElseThrow().name());
        assertEquals("web", store.pod("abc1").orElseThrow().name());
        assertEquals(Optional.empty(), store.pod("abc"), "ambiguous prefix");
        assertEquals(Optional.empty(), store.pod("zzz"));
    }

    @Test
    void anExactNameWinsOverAnotherPodsIdPrefix() throws Exception {
        StateStore store = new StateStore(dir);
        store.save(Records.pod("abc" + "0".repeat(61), "web", T0));
        store.save(Records.pod("d" + "0".repeat(63), "abc", T0.plusSeconds(1)));
        assertEquals("abc", store.pod("abc").orElseThrow().name());
    }

    @Test
    void podByNameIgnoresIdPrefixes() throws Exception {
        // a new pod named like a hex prefix of another pod's id is a different pod (play's "already
        // exists" check)
        StateStore store = new StateStore(dir);
        store.save(Records.pod("db" + "0".repeat(62), "web", T0));
        assertEquals(Optional.empty(), store.podByName("db"));
        assertEquals("web", store.podByName("web").orElseThrow().name());
        assertEquals(Optional.empty(), store.podByName("db" + "0".repeat(62)), "ids are not names");
    }

    @Test
    void corruptFileGivesAClearIOException() throws Exception {
        StateStore store = new StateStore(dir);
        store.save(Records.pod("a".repeat(64), "web", T0));
        Path bad = dir.resolve("pods").resolve("b".repeat(64) + ".json");
        Files.writeString(bad, "{\"id\": \"bbb\", \"name\": ");
        IOException e = assertThrows(IOException.class, store::pods);
        assertTrue(e.getMessage().startsWith("corrupt state file " + bad), e.getMessage());
        Files.writeString(bad, "");
        assertTrue(
                assertThrows(IOException.class, () -> store.pod("web"))
                        .getMessage()
                        .contains("corrupt state file"));
    }

    @Test
    void lockExcludesOtherChannelsUntilClosed() throws Exception {
        StateStore store = new StateStore(dir);
        try (StateStore.Lock held = store.lock()) {
            try (FileChannel other =
                    FileChannel.open(dir.resolve("lock"), StandardOpenOption.WRITE)) {
                // in one JVM the kernel lock is shared, so the JDK refuses an overlapping one
                // outright
                assertThrows(OverlappingFileLockException.class, other::tryLock);
            }
        }
        try (FileChannel other = FileChannel.open(dir.resolve("lock"), StandardOpenOption.WRITE);
                FileLock lock = other.tryLock()) {
            assertTrue(lock != null && lock.isValid(), "released on close");
        }
    }

    @Test
    void aSecondLockerInAnotherThreadWaitsForTheFirst() throws Exception {
        StateStore store = new StateStore(dir);
        CompletableFuture<String> second = new CompletableFuture<>();
        Thread locker;
        try (StateStore.Lock held = store.lock()) {
            locker =
                    Thread.ofPlatform()
                            .start(
                                    () -> {
                                        try (StateStore.Lock again = store.lock()) {
                                            second.complete("locked");
                                        } catch (Throwable t) {
                                            second.completeExceptionally(t);
                                        }
                                    });
            // wait until the second locker has either given up or is parked waiting for the lock
            while (!second.isDone() && locker.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertFalse(
                    second.isDone(), "the second locker must wait, not fail or get in: " + second);
        }
        assertEquals("locked", second.get(30, TimeUnit.SECONDS));
        locker.join();
    }

    @Test
    void theLockIsNotReentrant() throws Exception {
        // a nested lock() in the same thread is a programming error: fail loudly instead of
        // deadlocking
        StateStore store = new StateStore(dir);
        try (StateStore.Lock held = store.lock()) {
            assertThrows(IllegalStateException.class, store::lock);
        }
        try (StateStore.Lock again = store.lock()) {
            assertTrue(Files.exists(dir.resolve("lock")));
        }
    }

    @Test
    void podLocksOfDifferentPodsAreIndependentAndEachExcludesOthers() throws Exception {
        StateStore store = new StateStore(dir);
        try (StateStore.Lock a = store.podLock("a".repeat(64));
                StateStore.Lock global = store.lock()) {
            // held in another thread, as another command would try
            CompletableFuture<Boolean> otherPod =
                    CompletableFuture.supplyAsync(() -> tryAndRelease(store, "b".repeat(64)));
            CompletableFuture<Boolean> samePod =
                    CompletableFuture.supplyAsync(() -> tryAndRelease(store, "a".repeat(64)));
            assertTrue(otherPod.get(10, TimeUnit.SECONDS), "another pod's lock is free");
            assertFalse(samePod.get(10, TimeUnit.SECONDS), "the same pod's lock is taken");
        }
        assertTrue(
                CompletableFuture.supplyAsync(() -> tryAndRelease(store, "a".repeat(64)))
                        .get(10, TimeUnit.SECONDS),
                "free once closed");
        store.deletePodLock("a".repeat(64));
        assertFalse(Files.exists(dir.resolve("locks").resolve("a".repeat(64) + ".lock")));
    }

    @Test
    void aWaitingPodLockIsGrantedOnceReleased() throws Exception {
        StateStore store = new StateStore(dir);
        CompletableFuture<String> second = new CompletableFuture<>();
        Thread waiter;
        try (StateStore.Lock held = store.podLock("a".repeat(64))) {
            waiter =
                    Thread.ofPlatform()
                            .start(
                                    () -> {
                                        try (StateStore.Lock again =
                                                store.podLock("a".repeat(64))) {
                                            second.complete("locked");
                                        } catch (Exception e) {
                                            second.completeExceptionally(e);
                                        }
                                    });
            while (!second.isDone() && waiter.getState() != Thread.State.WAITING) {
                Thread.sleep(5);
            }
            assertFalse(second.isDone(), "waits while held: " + second);
        }
        assertEquals("locked", second.get(30, TimeUnit.SECONDS));
        waiter.join();
    }

    private static boolean tryAndRelease(StateStore store, String podId) {
        try {
            Optional<StateStore.Lock> lock = store.tryPodLock(podId);
            if (lock.isPresent()) {
                lock.get().close();
            }
            return lock.isPresent();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aContainerStoppedByTheUserKeepsTheMarkAndOlderRecordsReadAsNotStopped() throws Exception {
        StateStore store = new StateStore(dir);
        String id = "ef" + "0".repeat(62);
        PodRecord pod = Records.pod(id, "web", T0);
        ContainerRecord c = Records.container("c" + "0".repeat(63), "web-a");
        store.save(pod.withContainer(c.asStoppedByUser()));
        assertTrue(store.pod(id).orElseThrow().containers().getLast().stoppedByUser());
        store.save(pod.withContainer(c));
        Path file = dir.resolve("pods").resolve(id + ".json");
        // false is not written: the file is as an older jpod, which had no such component, wrote it
        String json = Files.readString(file);
        assertFalse(json.contains("stoppedByUser"), json);
        assertFalse(store.pod(id).orElseThrow().containers().getLast().stoppedByUser());
    }
}
