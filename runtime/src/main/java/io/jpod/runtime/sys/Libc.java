package io.jpod.runtime.sys;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The libc calls the JDK has no API for, through the Foreign Function &amp; Memory API. Linux
 * x86_64/aarch64.
 */
@SuppressWarnings("restricted") // native access is enabled for the whole application
public final class Libc {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EEXIST = 17;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int ELOOP = 40;

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_CREAT = 0100;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_DIRECTORY = 0200000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_CLOEXEC = 02000000;
    public static final int O_PATH = 010000000;

    /** openat2 resolve flags (linux/openat2.h). */
    public static final long RESOLVE_NO_MAGICLINKS = 0x02;

    public static final long RESOLVE_NO_SYMLINKS = 0x04;
    public static final long RESOLVE_BENEATH = 0x08;
    public static final long RESOLVE_IN_ROOT = 0x10;

    public static final int S_IFIFO = 0010000;
    public static final int S_IFCHR = 0020000;

    public static final int AT_FDCWD = -100;
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int MSG_NOSIGNAL = 0x4000;

    /** The bytes of path in struct sockaddr_un, after its 2-byte family. */
    private static final int SUN_PATH = 108;

    private static final long SYS_OPENAT2 = 437;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int PATH_MAX = 4096;
    private static final long UTIME_OMIT = (1L << 30) - 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final Downcall MKNODAT =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "mknodat",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_LONG)));
    private static final Downcall LCHOWN =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "lchown",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall FCHOWNAT =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "fchownat",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT)));
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final Downcall UTIMENSAT =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "utimensat",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall OPENAT2 =
            new Downcall(
                    () ->
                            LINKER.downcallHandle(
                                    LINKER.defaultLookup().findOrThrow("syscall"),
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_LONG),
                                    Linker.Option.firstVariadicArg(1),
                                    Linker.Option.captureCallState("errno")));
    private static final Downcall READLINKAT =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "readlinkat",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_LONG)));
    private static final Downcall MKDIRAT =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "mkdirat",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall SOCKET =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "socket",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall SENDTO =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "sendto",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall BIND =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "bind",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall RECV =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "recv",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_LONG,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall CLOSE =
            new Downcall(
                    () ->
                            LINKER.downcallHandle(
                                    LINKER.defaultLookup().findOrThrow("close"),
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)));
    private static final Downcall KILL =
            new Downcall(() -> plain("kill", ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final Downcall STRERROR =
            new Downcall(
                    () ->
                            LINKER.downcallHandle(
                                    LINKER.defaultLookup().findOrThrow("strerror"),
                                    FunctionDescriptor.of(
                                            ValueLayout.ADDRESS.withTargetLayout(
                                                    MemoryLayout.sequenceLayout(
                                                            256, ValueLayout.JAVA_BYTE)),
                                            ValueLayout.JAVA_INT)));

    private static final Downcall PIPE2 =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "pipe2",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT)));
    private static final Downcall FILE_ACTIONS_INIT =
            new Downcall(() -> plain("posix_spawn_file_actions_init", ValueLayout.ADDRESS));
    private static final Downcall FILE_ACTIONS_DESTROY =
            new Downcall(() -> plain("posix_spawn_file_actions_destroy", ValueLayout.ADDRESS));
    private static final Downcall FILE_ACTIONS_ADDOPEN =
            new Downcall(
                    () ->
                            plain(
                                    "posix_spawn_file_actions_addopen",
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.JAVA_INT));
    private static final Downcall FILE_ACTIONS_ADDDUP2 =
            new Downcall(
                    () ->
                            plain(
                                    "posix_spawn_file_actions_adddup2",
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.JAVA_INT));
    private static final Downcall FILE_ACTIONS_ADDCLOSEFROM =
            new Downcall(
                    () ->
                            plain(
                                    "posix_spawn_file_actions_addclosefrom_np",
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_INT));
    private static final Downcall POSIX_SPAWN =
            new Downcall(
                    () ->
                            plain(
                                    "posix_spawn",
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS));
    private static final Downcall WAITPID =
            new Downcall(
                    () ->
                            errnoCapturing(
                                    "waitpid",
                                    FunctionDescriptor.of(
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.JAVA_INT,
                                            ValueLayout.ADDRESS,
                                            ValueLayout.JAVA_INT)));

    /** glibc's posix_spawn_file_actions_t is 80 bytes; room to spare costs nothing. */
    private static final long FILE_ACTIONS_SIZE = 256;

    private static final int EINTR = 4;

    private Libc() {}

    /** A failed call, with the errno it set. */
    public static final class ErrnoException extends IOException {
        private final int errno;

        ErrnoException(String call, Path path, int errno) {
            super(call + " " + path + ": " + strerror(errno));
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /** {@code mknodat(AT_FDCWD, path, mode, dev)}; mode includes the file type bits. */
    public static void mknod(Path path, int mode, long dev) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc =
                    (int)
                            MKNODAT.get()
                                    .invokeExact(
                                            state,
                                            AT_FDCWD,
                                            arena.allocateFrom(path.toString()),
                                            mode,
                                            dev);
            check(rc, state, "mknod", path);
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * {@code fchownat(fd, "", uid, gid, AT_EMPTY_PATH)}: the owner of what the descriptor names, an
     * {@code O_PATH} one included, with no path resolved again.
     */
    public static void fchown(int fd, int uid, int gid) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc =
                    (int)
                            FCHOWNAT.get()
                                    .invokeExact(
                                            state,
                                            fd,
                                            arena.allocateFrom(""),
                                            uid,
                                            gid,
                                            AT_EMPTY_PATH);
            check(rc, state, "fchownat", Path.of("/proc/self/fd/" + fd));
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * {@code lchown(path, uid, gid)}: changes the owner of a symbolic link itself, never its
     * target.
     */
    public static void lchown(Path path, int uid, int gid) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc =
                    (int)
                            LCHOWN.get()
                                    .invokeExact(
                                            state, arena.allocateFrom(path.toString()), uid, gid);
            check(rc, state, "lchown", path);
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Sets the modification time of {@code path} itself: by path, without following a symbolic link
     * and without opening the file (which the JDK does, and which blocks on a FIFO). The access
     * time is left.
     */
    public static void setMtime(Path path, Instant mtime) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            // struct timespec times[2]: atime, then mtime
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4);
            times.setAtIndex(ValueLayout.JAVA_LONG, 0, 0);
            times.setAtIndex(ValueLayout.JAVA_LONG, 1, UTIME_OMIT);
            times.setAtIndex(ValueLayout.JAVA_LONG, 2, mtime.getEpochSecond());
            times.setAtIndex(ValueLayout.JAVA_LONG, 3, mtime.getNano());
            int rc =
                    (int)
                            UTIMENSAT
                                    .get()
                                    .invokeExact(
                                            state,
                                            AT_FDCWD,
                                            arena.allocateFrom(path.toString()),
                                            times,
                                            AT_SYMLINK_NOFOLLOW);
            check(rc, state, "utimensat", path);
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * {@code openat2(dirfd, path, {flags, 0, resolve})}, which glibc does not wrap: opens {@code
     * path} relative to {@code dirfd} as {@code resolve} allows. Returns the new descriptor.
     */
    public static int openat2(int dirfd, String path, int flags, long resolve)
            throws ErrnoException {
        return openat2(dirfd, path, flags, 0, resolve);
    }

    /**
     * As {@link #openat2(int, String, int, long)}, with the mode of a file {@code O_CREAT} makes.
     */
    public static int openat2(int dirfd, String path, int flags, int mode, long resolve)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            // struct open_how { u64 flags; u64 mode; u64 resolve; }
            MemorySegment how = arena.allocate(ValueLayout.JAVA_LONG, 3);
            how.setAtIndex(ValueLayout.JAVA_LONG, 0, flags);
            how.setAtIndex(ValueLayout.JAVA_LONG, 1, mode);
            how.setAtIndex(ValueLayout.JAVA_LONG, 2, resolve);
            long fd =
                    (long)
                            OPENAT2.get()
                                    .invokeExact(
                                            state,
                                            SYS_OPENAT2,
                                            (long) dirfd,
                                            arena.allocateFrom(path),
                                            how,
                                            how.byteSize());
            if (fd < 0) {
                throw new ErrnoException("openat2", Path.of(path), (int) ERRNO.get(state, 0L));
            }
            return (int) fd;
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * {@code readlinkat(dirfd, name)}: the target of the symbolic link {@code name}, or null when
     * {@code name} exists and is not a link.
     */
    public static String readlinkat(int dirfd, String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment buf = arena.allocate(PATH_MAX);
            long n =
                    (long)
                            READLINKAT
                                    .get()
                                    .invokeExact(
                                            state,
                                            dirfd,
                                            arena.allocateFrom(name),
                                            buf,
                                            (long) PATH_MAX);
            if (n < 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == EINVAL) {
                    return null;
                }
                throw new ErrnoException("readlinkat", Path.of(name), errno);
            }
            return new String(
                    buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** {@code mkdirat(dirfd, name, mode)}. */
    public static void mkdirat(int dirfd, String name, int mode) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) MKDIRAT.get().invokeExact(state, dirfd, arena.allocateFrom(name), mode);
            check(rc, state, "mkdirat", Path.of(name));
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * One datagram to the unix socket {@code name} (a path or, after {@code @}, an abstract name)
     * from a socket of its own: the JDK's unix sockets are stream-only.
     */
    public static void sendUnixDatagram(String name, byte[] message) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = unixAddress(arena, name);
            MemorySegment bytes = arena.allocate(Math.max(1, message.length));
            MemorySegment.copy(message, 0, bytes, ValueLayout.JAVA_BYTE, 0, message.length);
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) SOCKET.get().invokeExact(state, AF_UNIX, SOCK_DGRAM | O_CLOEXEC, 0);
            if (fd < 0) {
                throw new ErrnoException("socket", Path.of(name), (int) ERRNO.get(state, 0L));
            }
            try {
                long sent =
                        (long)
                                SENDTO.get()
                                        .invokeExact(
                                                state,
                                                fd,
                                                bytes,
                                                (long) message.length,
                                                MSG_NOSIGNAL,
                                                address,
                                                (int) address.byteSize());
                if (sent < 0) {
                    throw new ErrnoException("sendto", Path.of(name), (int) ERRNO.get(state, 0L));
                }
            } finally {
                close(fd);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * A unix datagram socket bound at {@code dir/name}, and its descriptor. The address goes
     * through {@code /proc/self/fd/DIR/name}, so that a directory deeper than the 108 bytes of a
     * socket name is no limit (conmon's way).
     */
    public static int bindUnixDatagram(Path dir, String name) throws IOException {
        int dirFd = openat2(AT_FDCWD, dir.toString(), O_PATH | O_DIRECTORY | O_CLOEXEC, 0L);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = unixAddress(arena, "/proc/self/fd/" + dirFd + "/" + name);
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) SOCKET.get().invokeExact(state, AF_UNIX, SOCK_DGRAM | O_CLOEXEC, 0);
            if (fd < 0) {
                throw new ErrnoException("socket", dir.resolve(name), (int) ERRNO.get(state, 0L));
            }
            int rc = (int) BIND.get().invokeExact(state, fd, address, (int) address.byteSize());
            if (rc != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                close(fd);
                throw new ErrnoException("bind", dir.resolve(name), errno);
            }
            return fd;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        } finally {
            close(dirFd);
        }
    }

    /** Waits for one datagram on {@code fd}; returns its bytes (at most {@code max}). */
    public static byte[] recv(int fd, int max) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(max);
            MemorySegment state = arena.allocate(CALL_STATE);
            while (true) {
                long n = (long) RECV.get().invokeExact(state, fd, buf, (long) max, 0);
                if (n >= 0) {
                    return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != EINTR) {
                    throw new ErrnoException("recv", Path.of("fd " + fd), errno);
                }
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
    private static MemorySegment unixAddress(Arena arena, String name) throws IOException {
        boolean abstractName = name.startsWith("@");
        byte[] bytes =
                (abstractName ? name.substring(1) : name)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int pathBytes = abstractName ? 1 + bytes.length : bytes.length + 1;
        if (pathBytes > SUN_PATH) {
            throw new IOException(name + ": longer than a unix socket name may be");
        }
        MemorySegment address = arena.allocate(2 + pathBytes);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(
                bytes, 0, address, ValueLayout.JAVA_BYTE, abstractName ? 3 : 2, bytes.length);
        return address;
    }

    /** {@code pipe2(O_CLOEXEC)}: the read end, then the write end. */
    public static int[] pipe() throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) PIPE2.get().invokeExact(state, fds, O_CLOEXEC);
            check(rc, state, "pipe2", Path.of("-"));
            return new int[] {
                fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)
            };
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Starts {@code argv} with {@code env} through posix_spawn, which, unlike ProcessBuilder, can
     * hand the child descriptors above 2: stdin on /dev/null, stdout and stderr appended to {@code
     * output}, then {@code fds}'s moves, and every other descriptor closed. Returns the child's
     * pid; {@link #waitpid} must collect it.
     */
    public static int spawn(List<String> argv, List<String> env, Path output, FdMoves fds)
            throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(FILE_ACTIONS_SIZE, 16);
            spawnCheck(
                    (int) FILE_ACTIONS_INIT.get().invokeExact(actions),
                    "posix_spawn_file_actions_init");
            try {
                spawnCheck(
                        (int)
                                FILE_ACTIONS_ADDOPEN
                                        .get()
                                        .invokeExact(
                                                actions,
                                                0,
                                                arena.allocateFrom("/dev/null"),
                                                O_RDONLY,
                                                0),
                        "addopen /dev/null");
                spawnCheck(
                        (int)
                                FILE_ACTIONS_ADDOPEN
                                        .get()
                                        .invokeExact(
                                                actions,
                                                1,
                                                arena.allocateFrom(output.toString()),
                                                O_WRONLY | O_CREAT | O_APPEND,
                                                0600),
                        "addopen " + output);
                spawnCheck((int) FILE_ACTIONS_ADDDUP2.get().invokeExact(actions, 1, 2), "adddup2");
                for (FdMoves.Move m : fds.moves()) {
                    spawnCheck(
                            (int) FILE_ACTIONS_ADDDUP2.get().invokeExact(actions, m.from(), m.to()),
                            "adddup2");
                }
                spawnCheck(
                        (int) FILE_ACTIONS_ADDCLOSEFROM.get().invokeExact(actions, fds.closeFrom()),
                        "addclosefrom_np");
                MemorySegment pid = arena.allocate(ValueLayout.JAVA_INT);
                int rc =
                        (int)
                                POSIX_SPAWN
                                        .get()
                                        .invokeExact(
                                                pid,
                                                arena.allocateFrom(argv.getFirst()),
                                                actions,
                                                MemorySegment.NULL,
                                                strings(arena, argv),
                                                strings(arena, env));
                if (rc != 0) {
                    throw new ErrnoException("posix_spawn", Path.of(argv.getFirst()), rc);
                }
                return pid.get(ValueLayout.JAVA_INT, 0);
            } finally {
                int ignored = (int) FILE_ACTIONS_DESTROY.get().invokeExact(actions);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Waits for a child {@link #spawn} started; returns its exit status (128 + signal if killed).
     */
    public static int waitpid(int pid) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment state = arena.allocate(CALL_STATE);
            while (true) {
                int rc = (int) WAITPID.get().invokeExact(state, pid, status, 0);
                if (rc == pid) {
                    int s = status.get(ValueLayout.JAVA_INT, 0);
                    return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != EINTR) {
                    throw new ErrnoException("waitpid", Path.of(Integer.toString(pid)), errno);
                }
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** A NULL-terminated array of C strings. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ValueLayout.ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    /** posix_spawn and its file actions return the error number rather than set errno. */
    private static void spawnCheck(int rc, String call) throws ErrnoException {
        if (rc != 0) {
            throw new ErrnoException(call, Path.of("-"), rc);
        }
    }

    /** {@code close(fd)}; a failure to close a descriptor opened only to resolve is ignored. */
    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.get().invokeExact(fd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** {@code kill(pid, signal)}; false when the process is gone or not the caller's to signal. */
    public static boolean kill(long pid, int signal) {
        try {
            return (int) KILL.get().invokeExact((int) pid, signal) == 0;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The C library's message for an errno value. */
    public static String strerror(int errno) {
        try {
            MemorySegment message = (MemorySegment) STRERROR.get().invokeExact(errno);
            return message.getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static void check(int rc, MemorySegment state, String call, Path path)
            throws ErrnoException {
        if (rc != 0) {
            throw new ErrnoException(call, path, (int) ERRNO.get(state, 0L));
        }
    }

    /** A call that reports failure in its return value, not errno. */
    private static MethodHandle plain(String name, MemoryLayout... args) {
        return LINKER.downcallHandle(
                LINKER.defaultLookup().findOrThrow(name),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, args));
    }

    private static MethodHandle errnoCapturing(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(
                LINKER.defaultLookup().findOrThrow(name),
                descriptor,
                Linker.Option.captureCallState("errno"));
    }

    /**
     * A downcall handle made on its first call: each is milliseconds of code the JDK spins (no AOT
     * cache holds it), and a command makes few of the calls; all of them made eagerly were ~50 ms
     * of the first container a play creates.
     */
    private static final class Downcall {
        private final java.util.function.Supplier<MethodHandle> make;
        private volatile MethodHandle handle;

        Downcall(java.util.function.Supplier<MethodHandle> make) {
            this.make = make;
        }

        MethodHandle get() {
            MethodHandle h = handle;
            if (h == null) {
                synchronized (this) {
                    h = handle;
                    if (h == null) {
                        h = make.get();
                        handle = h;
                    }
                }
            }
            return h;
        }
    }
}
