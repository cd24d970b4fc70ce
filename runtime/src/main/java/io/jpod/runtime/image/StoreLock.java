package io.jpod.runtime.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer's lock of a store: a {@link FileLock} between processes, plus a JVM lock because a
 * file lock is held per process, not per thread. Readers take none: the index is replaced by atomic
 * rename.
 */
final class StoreLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
            new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;

    private StoreLock(ReentrantLock threads, FileChannel channel) {
        this.threads = threads;
        this.channel = channel;
    }

    static StoreLock acquire(Path lockFile) throws IOException {
        ReentrantLock threads =
                IN_PROCESS.computeIfAbsent(
                        lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        threads.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new StoreLock(threads, channel);
        } catch (IOException | RuntimeException e) {
            threads.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            threads.unlock();
        }
    }
}
