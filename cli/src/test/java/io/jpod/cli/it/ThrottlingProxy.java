package io.jpod.cli.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on 127.0.0.1 in front of a test registry that slows its answers to a rate, so a pull
 * lasts long enough to be cut, and can cut it once at a byte count of one answer: a latch that runs
 * an action there (killing the registry, say) and then drops every connection, as a flaky network
 * or a dead registry does. Each connection is set up on its own thread, so one that finds the
 * registry gone never stops the accept loop; while {@link #holdWhileDown} is on, it waits for the
 * registry to listen again instead of being refused.
 */
final class ThrottlingProxy implements AutoCloseable {

    /** How long a held connection waits for the registry before it is closed after all. */
    private static final long HOLD_MILLIS = 60_000;

    private final ServerSocket server;
    private final int targetPort;
    private final long bytesPerSecond;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicReference<Latch> latch = new AtomicReference<>();
    private final AtomicBoolean fired = new AtomicBoolean();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean holdWhileDown;

    /** An action to run once a connection has carried {@code bytes} towards its client. */
    private record Latch(long bytes, Runnable action) {}

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
        onceAfter(bytes, () -> {});
    }

    /**
     * Once one connection has carried {@code bytes} towards its client, stops forwarding, runs
     * {@code action} and drops every connection.
     */
    void onceAfter(long bytes, Runnable action) {
        fired.set(false);
        latch.set(new Latch(bytes, action));
    }

    boolean dropped() {
        return fired.get();
    }

    /** Whether new connections wait for a registry that is not listening rather than fail. */
    void holdWhileDown(boolean hold) {
        holdWhileDown = hold;
    }

    /** How many request chunks since {@link #reset} had {@code text} (a header, say) in them. */
    long requestsWith(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return requests.stream().filter(r -> r.contains(lower)).count();
    }

    void reset() {
        latch.set(null);
        fired.set(false);
        holdWhileDown = false;
        requests.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                continue;
            }
            open.add(client);
            Thread.ofPlatform().daemon().start(() -> connect(client));
        }
    }

    /** Connects the client to the registry, waiting for it while held, else closes the client. */
    private void connect(Socket client) {
        long deadline = System.currentTimeMillis() + HOLD_MILLIS;
        Socket upstream = null;
        while (upstream == null) {
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            } catch (IOException refused) {
                if (!holdWhileDown || System.currentTimeMillis() > deadline || client.isClosed()) {
                    close(client);
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    close(client);
                    return;
                }
            }
        }
        open.add(upstream);
        Socket up = upstream;
        Thread.ofPlatform().daemon().start(() -> pump(client, up, false));
        pump(up, client, true);
    }

    private void pump(Socket from, Socket to, boolean towardsClient) {
        byte[] buffer = new byte[16384];
        long carried = 0;
        long started = System.nanoTime();
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!towardsClient) {
                    requests.add(
                            new String(buffer, 0, n, StandardCharsets.ISO_8859_1)
                                    .toLowerCase(Locale.ROOT));
                    out.write(buffer, 0, n);
                    continue;
                }
                Latch l = latch.get();
                if (l != null && carried + n >= l.bytes() && latch.compareAndSet(l, null)) {
                    // cut exactly here: what the registry sent beyond is never forwarded
                    out.write(buffer, 0, (int) (l.bytes() - carried));
                    out.flush();
                    l.action().run();
                    fired.set(true);
                    for (Socket s : open) {
                        close(s);
                    }
                    return;
                }
                out.write(buffer, 0, n);
                carried += n;
                long due = started + carried * 1_000_000_000L / bytesPerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (IOException | InterruptedException e) {
            // the other side went away
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.remove(s);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            close(s);
        }
    }
}
