package io.jpod.runtime.probe;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code in a pod's network namespace from this JVM. {@code setns(CLONE_NEWNET)} changes only
 * the calling thread, and a socket belongs to the namespace of the thread that created it, so a
 * fresh platform thread joins the namespace, does its work and ends: no other thread of the JVM
 * ever sees the pod's network. Needs the capability over the namespace's user namespace, which jpod
 * has as root of its user namespace.
 */
final class Netns {

    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY_CLOEXEC = 02000000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle OPEN =
            handle("open", ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
    private static final MethodHandle SETNS =
            handle("setns", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final MethodHandle CLOSE =
            LINKER.downcallHandle(
                    LINKER.defaultLookup().findOrThrow("close"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private Netns() {}

    /**
     * Runs {@code work} on a new thread inside the namespace bound at {@code netns}; {@code netns}
     * null runs it in jpod's own network (a pod on the host's network).
     */
    static <T> T run(Path netns, Callable<T> work) throws IOException, InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t =
                Thread.ofPlatform()
                        .name("probe-netns")
                        .daemon()
                        .stackSize(256 * 1024)
                        .start(
                                () -> {
                                    try {
                                        if (netns != null) {
                                            enter(netns);
                                        }
                                        result.set(work.call());
                                    } catch (Exception e) {
                                        failure.set(e);
                                    }
                                });
        t.join();
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
        return result.get();
    }

    private static void enter(Path netns) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd =
                    (int)
                            OPEN.invokeExact(
                                    state, arena.allocateFrom(netns.toString()), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                throw new IOException(
                        "cannot open the pod's network namespace "
                                + netns
                                + ": errno "
                                + (int) ERRNO.get(state, 0L));
            }
            try {
                int rc = (int) SETNS.invokeExact(state, fd, CLONE_NEWNET);
                if (rc != 0) {
                    throw new IOException(
                            "cannot enter the pod's network namespace "
                                    + netns
                                    + ": errno "
                                    + (int) ERRNO.get(state, 0L));
                }
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static MethodHandle handle(String name, ValueLayout result, ValueLayout... args) {
        return LINKER.downcallHandle(
                LINKER.defaultLookup().findOrThrow(name),
                FunctionDescriptor.of(result, args),
                Linker.Option.captureCallState("errno"));
    }
}
