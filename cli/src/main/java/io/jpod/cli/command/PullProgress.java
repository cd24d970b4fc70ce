package io.jpod.cli.command;

import io.jpod.runtime.image.registry.PullListener;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * podman's pull output on standard error: on a terminal one line per layer with bytes, total and
 * rate, redrawn in place; otherwise a plain line per finished layer.
 */
final class PullProgress implements PullListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private record Layer(long done, long total, long started, boolean finished, boolean existed) {}

    private final PrintStream err;
    private final boolean terminal;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private int drawn;
    private long lastDraw;

    PullProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    synchronized void trying(String reference) {
        err.println("Trying to pull " + reference + "...");
        err.println("Getting image source signatures");
    }

    @Override
    public synchronized void layerExists(String digest) {
        layers.put(digest, new Layer(0, 0, System.nanoTime(), true, true));
        if (!terminal) {
            err.println("Copying blob " + shortDigest(digest) + " skipped: already exists");
        }
        redraw(true);
    }

    @Override
    public synchronized void progress(String digest, long done, long total) {
        Layer old = layers.get(digest);
        long started = old == null || done < old.done() ? System.nanoTime() : old.started();
        layers.put(digest, new Layer(done, total, started, false, false));
        redraw(false);
    }

    @Override
    public synchronized void layerDone(String digest, long total) {
        Layer old = layers.get(digest);
        layers.put(
                digest,
                new Layer(
                        total,
                        total,
                        old == null ? System.nanoTime() : old.started(),
                        true,
                        false));
        if (!terminal) {
            err.println("Copying blob " + shortDigest(digest) + " done");
        }
        redraw(true);
    }

    @Override
    public synchronized void configDone(String digest) {
        finishDrawing();
        err.println("Copying config " + shortDigest(digest) + " done");
    }

    synchronized void written() {
        redraw(true);
        err.println("Writing manifest to image destination");
    }

    private void finishDrawing() {
        if (terminal) {
            redraw(true);
            layers.clear();
            drawn = 0;
        }
    }

    private void redraw(boolean force) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        StringBuilder out = new StringBuilder();
        if (drawn > 0) {
            out.append("\033[").append(drawn).append('A');
        }
        for (Map.Entry<String, Layer> e : layers.entrySet()) {
            out.append("\r\033[2K").append(line(e.getKey(), e.getValue(), now)).append('\n');
        }
        drawn = layers.size();
        err.print(out);
        err.flush();
    }

    private static String line(String digest, Layer l, long now) {
        String head = "Copying blob " + shortDigest(digest);
        if (l.existed()) {
            return head + " skipped: already exists";
        }
        if (l.finished()) {
            return head + " done   " + bytes(l.total());
        }
        double seconds = Math.max((now - l.started()) / 1e9, 0.001);
        return head
                + " ["
                + bytes(l.done())
                + " / "
                + bytes(l.total())
                + "] "
                + bytes((long) (l.done() / seconds))
                + "/s";
    }

    static String shortDigest(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    static String bytes(long n) {
        if (n < 1000) {
            return n + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int unit = -1;
        while (v >= 1000 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f%s", v, units[unit]);
    }
}
