package io.jpod.cli.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of a test registry that slows its answers to a rate, so a pull
 * lasts long enough to be cut, and can drop every connection once mid-answer, as a flaky network or
 * a restarted registry does.
 */
final class ThrottlingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final long bytesPerSecond;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong dropAfter = new AtomicLong(-1);
    private final AtomicBoolean dropped = new AtomicBoolean();

    ThrottlingProxy(int targetPort, long bytesPerSecond) throws IOException {
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::accept);
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Drops all connections once, when one of them has carried {@code bytes} towards a client. */
    void dropOnceAfter(long bytes) {
        dropped.set(false);
        dropAfter.set(bytes);
    }

    boolean dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                Thread.ofPlatform().daemon().start(() -> pump(client, upstream, false));
                Thread.ofPlatform().daemon().start(() -> pump(upstream, client, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsClient) {
        byte[] buffer = new byte[16384];
        long carried = 0;
        long started = System.nanoTime();
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (!towardsClient) {
                    continue;
                }
                carried += n;
                long limit = dropAfter.get();
                if (limit >= 0 && carried >= limit && dropAfter.compareAndSet(limit, -1)) {
                    dropped.set(true);
                    for (Socket s : open) {
                        s.close();
                    }
                    return;
                }
                long due = started + carried * 1_000_000_000L / bytesPerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (IOException | InterruptedException e) {
            // the other side went away
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            open.remove(from);
            open.remove(to);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
