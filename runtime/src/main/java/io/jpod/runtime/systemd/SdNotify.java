package io.jpod.runtime.systemd;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * systemd's notification protocol (sd_notify(3)): newline-separated {@code KEY=VALUE} assignments
 * in one datagram to the unix socket {@code NOTIFY_SOCKET} names, a path or, after {@code @}, an
 * abstract name. The JDK's unix sockets are stream-only, so the datagram goes through the
 * foreign-function API: socket(AF_UNIX, SOCK_DGRAM), sendto, close.
 */
@SuppressWarnings("restricted") // native access is enabled for the whole application
public final class SdNotify {

    /** The variable systemd sets for a Type=notify service. */
    public static final String ENV = "NOTIFY_SOCKET";

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int MSG_NOSIGNAL = 0x4000;

    /** sizeof(struct sockaddr_un): a 2-byte family and 108 bytes of path. */
    private static final int SUN_PATH = 108;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SOCKET =
            LINKER.downcallHandle(
                    LINKER.defaultLookup().findOrThrow("socket"),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT),
                    Linker.Option.captureCallState("errno"));
    private static final MethodHandle SENDTO =
            LINKER.downcallHandle(
                    LINKER.defaultLookup().findOrThrow("sendto"),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT),
                    Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE =
            LINKER.downcallHandle(
                    LINKER.defaultLookup().findOrThrow("close"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle STRERROR =
            LINKER.downcallHandle(
                    LINKER.defaultLookup().findOrThrow("strerror"),
                    FunctionDescriptor.of(
                            ValueLayout.ADDRESS.withTargetLayout(
                                    MemoryLayout.sequenceLayout(256, ValueLayout.JAVA_BYTE)),
                            ValueLayout.JAVA_INT));

    private final String socket;

    private SdNotify(String socket) {
        this.socket = socket;
    }

    /** The notifier of a service, when systemd (or a test) set {@code NOTIFY_SOCKET}. */
    public static Optional<SdNotify> from(Map<String, String> env) {
        String socket = env.get(ENV);
        return socket == null || socket.isEmpty()
                ? Optional.empty()
                : Optional.of(new SdNotify(socket));
    }

    /** The socket's name as systemd gave it. */
    public String socket() {
        return socket;
    }

    /** Tells systemd the service is up, and which process to watch as its main one. */
    public void ready(long mainPid) throws IOException {
        send("MAINPID=" + mainPid + "\nREADY=1");
    }

    /** Sends one notification: assignments separated by newlines. */
    public void send(String state) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = address(arena);
            byte[] bytes = state.getBytes(StandardCharsets.UTF_8);
            MemorySegment message = arena.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, message, ValueLayout.JAVA_BYTE, 0, bytes.length);
            MemorySegment callState = arena.allocate(CALL_STATE);
            int fd = (int) SOCKET.invokeExact(callState, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw failure("socket", callState);
            }
            try {
                long sent =
                        (long)
                                SENDTO.invokeExact(
                                        callState,
                                        fd,
                                        message,
                                        (long) bytes.length,
                                        MSG_NOSIGNAL,
                                        address,
                                        (int) address.byteSize());
                if (sent < 0) {
                    throw failure("sendto", callState);
                }
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * struct sockaddr_un, sized as the kernel wants it: for a path, up to its terminating NUL; for
     * an abstract name, a leading NUL and exactly the name's bytes.
     */
    private MemorySegment address(Arena arena) throws IOException {
        boolean abstractName = socket.startsWith("@");
        byte[] name =
                (abstractName ? socket.substring(1) : socket).getBytes(StandardCharsets.UTF_8);
        int pathBytes = abstractName ? 1 + name.length : name.length + 1;
        if (pathBytes > SUN_PATH) {
            throw new IOException(ENV + " " + socket + ": longer than a unix socket name may be");
        }
        MemorySegment addr = arena.allocate(2 + pathBytes);
        addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(name, 0, addr, ValueLayout.JAVA_BYTE, abstractName ? 3 : 2, name.length);
        return addr;
    }

    private IOException failure(String call, MemorySegment callState) throws Throwable {
        int errno = (int) ERRNO.get(callState, 0L);
        MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
        return new IOException(call + " " + ENV + "=" + socket + ": " + text.getString(0));
    }
}
