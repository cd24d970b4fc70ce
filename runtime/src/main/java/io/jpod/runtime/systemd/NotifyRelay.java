package io.jpod.runtime.systemd;

import io.jpod.runtime.sys.Libc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A container's own sd_notify, passed on to systemd ({@code podman --sdnotify=container}): the
 * container a pod names in {@code io.jpod/sdnotify: CONTAINER} gets {@code NOTIFY_SOCKET} for a
 * socket of this process's, bound in its directory and mounted into it, and each datagram it sends
 * there goes on to systemd with {@code MAINPID} its process's host pid (the container knows itself
 * only as pid 1 of its namespace).
 *
 * <p>The relay is the play process itself, which as the unit's service process lives as long as the
 * pods: no daemon. Binding systemd's own socket into the container instead would not do: it may be
 * abstract ({@code @...}), which no mount can carry, and the container's messages would name no pid
 * systemd knows.
 */
public final class NotifyRelay {

    public static final String ANNOTATION = "io.jpod/sdnotify";

    /** Where the socket's directory is mounted in the container (podman's place). */
    public static final String CONTAINER_DIR = "/run/notify";

    public static final String SOCKET = "notify.sock";

    /** sd_notify messages are small; systemd itself takes no more than this in one. */
    private static final int MAX_MESSAGE = 4096;

    private final SdNotify systemd;
    private final CountDownLatch pidKnown = new CountDownLatch(1);
    private volatile long mainPid;
    private volatile boolean bound;

    public NotifyRelay(SdNotify systemd) {
        this.systemd = systemd;
    }

    /**
     * Binds the socket in {@code dir} (any user of the container may send to it) and starts passing
     * on what arrives, once {@link #mainPid} is known.
     */
    public void bind(Path dir) throws IOException {
        Files.createDirectories(dir);
        int fd = Libc.bindUnixDatagram(dir, SOCKET);
        Files.setPosixFilePermissions(
                dir.resolve(SOCKET), PosixFilePermissions.fromString("rwxrwxrwx"));
        bound = true;
        Thread.ofPlatform().daemon().name("sd-notify-relay").start(() -> relay(fd));
    }

    /** The container's process on the host: the pid systemd is told to watch. */
    public void mainPid(long pid) {
        mainPid = pid;
        pidKnown.countDown();
    }

    /** Whether a container got the socket: a pod left running by a reconcile gets none. */
    public boolean bound() {
        return bound;
    }

    /** The variable the container gets. */
    public static String containerEnv() {
        return SdNotify.ENV + "=" + CONTAINER_DIR + "/" + SOCKET;
    }

    private void relay(int fd) {
        try {
            while (true) {
                byte[] message = Libc.recv(fd, MAX_MESSAGE);
                pidKnown.await();
                systemd.send(rewrite(new String(message, StandardCharsets.UTF_8), mainPid));
            }
        } catch (IOException e) {
            System.err.println("Warning: passing the container's sd_notify on: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The message as systemd gets it: {@code MAINPID} first, the host pid, and any MAINPID of the
     * container's own dropped (a pid in its namespace, meaningless to systemd).
     */
    static String rewrite(String message, long mainPid) {
        List<String> lines = new ArrayList<>(List.of("MAINPID=" + mainPid));
        for (String line : message.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("MAINPID=")) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }
}
