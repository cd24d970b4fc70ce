package io.jpod.runtime.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pods as one JSON file each, replaced by atomic rename, so a reader never sees half a file and a
 * kill -9 leaves either the old or the new version. Writers serialise on one {@link FileLock}; the
 * kernel drops it when its holder dies, which is how a later command knows a {@link
 * PodPhase#CREATING} pod was orphaned.
 */
public final class StateStore {

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
            new ConcurrentHashMap<>();

    private final Path dir;

    public StateStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Takes the writers' lock, blocking while another jpod holds it. Within one JVM the kernel lock
     * is per process (a second {@link FileChannel#lock} would throw {@link
     * java.nio.channels.OverlappingFileLockException}), so threads queue on an in-process lock
     * first. Not reentrant: a nested call throws.
     */
    public Lock lock() throws IOException {
        Files.createDirectories(dir.resolve("pods"));
        Path file = dir.resolve("lock").toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            throw new IllegalStateException(
                    "the state lock " + file + " is already held by this thread");
        }
        local.lock();
        try {
            FileChannel channel =
                    FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Lock(channel, channel.lock(), local);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    public List<PodRecord> pods() throws IOException {
        Path pods = dir.resolve("pods");
        if (!Files.isDirectory(pods)) {
            return List.of();
        }
        List<PodRecord> result = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pods, "*.json")) {
            for (Path file : files) {
                read(file).ifPresent(result::add);
            }
        }
        result.sort(Comparator.comparing(PodRecord::created));
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
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), pod);
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

    private static Optional<PodRecord> read(Path file) throws IOException {
        try {
            return Optional.of(JSON.readValue(file.toFile(), PodRecord.class));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed between listing and reading
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("corrupt state file " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The writers' lock; close to release. */
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
