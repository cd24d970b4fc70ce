package io.jpod.cli.it;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What systemd is to a Type=notify service: a unix datagram socket on an abstract name that the
 * service's NOTIFY_SOCKET names. The JDK's unix sockets are stream-only: socket, bind and recv go
 * through the foreign-function API.
 */
@SuppressWarnings("restricted")
final class NotifyListener implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int MSG_DONTWAIT = 0x40;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SOCKET =
            handle(
                    "socket",
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT));
    private static final MethodHandle BIND =
            handle(
                    "bind",
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
    private static final MethodHandle RECV =
            handle(
                    "recv",
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE =
            handle("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private final int fd;
    private final String name;

    private NotifyListener(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /** Listens on a fresh abstract name; {@link #socket()} is what NOTIFY_SOCKET should say. */
    static NotifyListener open() throws Throwable {
        String name = "jpod-it-notify-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        int fd = (int) SOCKET.invokeExact(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket failed");
        }
        try (Arena arena = Arena.ofConfined()) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            MemorySegment addr = arena.allocate(2 + 1 + bytes.length);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(bytes, 0, addr, ValueLayout.JAVA_BYTE, 3, bytes.length);
            int rc = (int) BIND.invokeExact(fd, addr, (int) addr.byteSize());
            if (rc != 0) {
                int ignored = (int) CLOSE.invokeExact(fd);
                throw new IOException("bind @" + name + " failed");
            }
        }
        return new NotifyListener(fd, name);
    }

    String socket() {
        return "@" + name;
    }

    /** A datagram that has arrived already, if any: never waits. */
    Optional<String> poll() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(4096);
            long n = (long) RECV.invokeExact(fd, buf, 4096L, MSG_DONTWAIT);
            if (n < 0) {
                return Optional.empty();
            }
            byte[] bytes = buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** The next datagram, waiting up to {@code seconds}. */
    Optional<String> await(int seconds) throws Throwable {
        for (int i = 0; i < seconds * 10; i++) {
            Optional<String> got = poll();
            if (got.isPresent()) {
                return got;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    @Override
    public void close() throws Exception {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }
}
