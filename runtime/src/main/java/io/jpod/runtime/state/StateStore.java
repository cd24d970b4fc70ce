package io.jpod.runtime.state;

import io.jpod.runtime.json.RecordJson;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pods as one JSON file each, replaced by atomic rename, so a reader never sees half a file and a
 * kill -9 leaves either the old or the new version. Two kinds of {@link FileLock}: a short global
 * one for what spans pods, and one per pod for its lifecycle. The kernel drops a lock when its
 * holder dies, which is how a later command knows a {@link PodPhase#CREATING} pod was orphaned. The
 * files are {@link RecordJson}: the JSON Jackson wrote for the records, without Jackson's cost on
 * every cold start.
 */
public final class StateStore {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
            new ConcurrentHashMap<>();

    private final Path dir;

    public StateStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Takes the global lock, blocking while another jpod holds it. It guards what spans pods:
     * reserving a name, checking that no pod holds an image or a volume, deleting a record. It is
     * held only for such reads and writes, never while a process runs or a grace period passes.
     * Within one JVM the kernel lock is per process (a second {@link FileChannel#lock} would throw
     * {@link java.nio.channels.OverlappingFileLockException}), so threads queue on an in-process
     * lock first. Not reentrant: a nested call throws.
     */
    public Lock lock() throws IOException {
        Files.createDirectories(dir.resolve("pods"));
        return acquire(dir.resolve("lock"), true).orElseThrow();
    }

    /**
     * Takes one pod's lifecycle lock, blocking while another command works on that pod. Commands on
     * other pods never wait for it. Order: a pod lock may be taken before the global one, never
     * while waiting on it.
     */
    public Lock podLock(String podId) throws IOException {
        return acquire(podLockFile(podId), true).orElseThrow();
    }

    /**
     * The pod's lock if no one holds it. Held by a live command, the pod is being worked on; free
     * while its phase says CREATING or REMOVING, its owner died.
     */
    public Optional<Lock> tryPodLock(String podId) throws IOException {
        return acquire(podLockFile(podId), false);
    }

    /**
     * Deletes a removed pod's lock file, with that lock held. Pod ids are never reused, so a
     * command still waiting on the old file finds no record once it gets the lock.
     */
    public void deletePodLock(String podId) throws IOException {
        Files.deleteIfExists(podLockFile(podId));
    }

    private Path podLockFile(String podId) throws IOException {
        return Files.createDirectories(dir.resolve("locks")).resolve(podId + ".lock");
    }

    private static Optional<Lock> acquire(Path path, boolean wait) throws IOException {
        Path file = path.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            throw new IllegalStateException("the lock " + file + " is already held by this thread");
        }
        if (!wait && !local.tryLock()) {
            return Optional.empty();
        }
        if (wait) {
            local.lock();
        }
        try {
            FileChannel channel =
                    FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = wait ? channel.lock() : channel.tryLock();
                if (lock == null) {
                    channel.close();
                    local.unlock();
                    return Optional.empty();
                }
                return Optional.of(new Lock(channel, lock, local));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            if (local.isHeldByCurrentThread()) {
                local.unlock();
            }
            throw e;
        }
    }

    public List<PodRecord> pods() throws IOException {
        // java.io rather than a DirectoryStream with a glob and Files.readAllBytes: ps reads every
        // pod, and in a cold JVM the NIO layers and the glob's regex cost more than the reads
        File pods = dir.resolve("pods").toFile();
        String[] names = pods.list();
        if (names == null) {
            if (pods.exists()) {
                throw new IOException("cannot list the pods' state in " + pods);
            }
            return List.of();
        }
        List<PodRecord> result = new ArrayList<>(names.length);
        for (String name : names) {
            if (name.endsWith(".json")) {
                read(new File(pods, name)).ifPresent(result::add);
            }
        }
        // not Comparator.comparing, whose serializable lambda no AOT cache holds
        result.sort((a, b) -> a.created().compareTo(b.created()));
        return result;
    }

    /** A pod by exact name, full id or unique id prefix. */
    public Optional<PodRecord> pod(String nameOrId) throws IOException {
        if (nameOrId.isEmpty()) {
            return Optional.empty();
        }
        List<PodRecord> all = pods();
        for (PodRecord p : all) {
            if (p.name().equals(nameOrId) || p.id().equals(nameOrId)) {
                return Optional.of(p);
            }
        }
        List<PodRecord> prefixed = all.stream().filter(p -> p.id().startsWith(nameOrId)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
    }

    /**
     * A pod by exact name only: whether a name is taken must not depend on other pods' random ids.
     */
    public Optional<PodRecord> podByName(String name) throws IOException {
        return pods().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public void save(PodRecord pod) throws IOException {
        Path pods = Files.createDirectories(dir.resolve("pods"));
        Path tmp = pods.resolve(pod.id() + ".json.tmp");
        Files.writeString(tmp, RecordJson.write(pod));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, pods.resolve(pod.id() + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("state directory " + pods + " does not support atomic rename", e);
        }
    }

    public void delete(String podId) throws IOException {
        Files.deleteIfExists(dir.resolve("pods").resolve(podId + ".json"));
    }

    private static Optional<PodRecord> read(File file) throws IOException {
        byte[] json;
        try (FileInputStream in = new FileInputStream(file)) {
            json = in.readAllBytes();
        } catch (FileNotFoundException e) {
            if (!file.exists()) {
                return Optional.empty(); // removed between listing and reading
            }
            throw e;
        }
        try {
            return Optional.of(RecordJson.read(json, PodRecord.class));
        } catch (RecordJson.JsonException e) {
            throw new IOException("corrupt state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A held lock; close to release. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final ReentrantLock local;

        Lock(FileChannel channel, FileLock lock, ReentrantLock local) {
            this.channel = channel;
            this.lock = lock;
            this.local = local;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }
}
