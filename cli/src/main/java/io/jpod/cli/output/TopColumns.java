package io.jpod.cli.output;

import io.jpod.cli.time.GoDuration;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.sys.ProcessSample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** {@code top}'s columns, named by podman's ps-like descriptors. */
public final class TopColumns {

    /** podman's default: {@code user pid ppid pcpu etime tty time args}. */
    public static final List<String> DEFAULT =
            List.of("user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args");

    private record Column(String header, BiFunction<Engine.TopProcess, Instant, String> cell) {}

    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("user", new Column("USER", (p, now) -> p.user()));
        COLUMNS.put("group", new Column("GROUP", (p, now) -> p.group()));
        COLUMNS.put("pid", new Column("PID", (p, now) -> Long.toString(p.pid())));
        COLUMNS.put("ppid", new Column("PPID", (p, now) -> Long.toString(p.ppid())));
        COLUMNS.put("hpid", new Column("HPID", (p, now) -> Long.toString(p.sample().pid())));
        COLUMNS.put("pcpu", new Column("%CPU", TopColumns::pcpu));
        COLUMNS.put(
                "etime",
                new Column("ELAPSED", (p, now) -> GoDuration.format(elapsed(p.sample(), now))));
        COLUMNS.put("tty", new Column("TTY", (p, now) -> tty(p.sample().tty())));
        COLUMNS.put("time", new Column("TIME", (p, now) -> GoDuration.format(p.sample().cpu())));
        COLUMNS.put("args", new Column("COMMAND", (p, now) -> args(p.sample())));
        COLUMNS.put("comm", new Column("COMMAND", (p, now) -> p.sample().comm()));
        COLUMNS.put("nice", new Column("NI", (p, now) -> Integer.toString(p.sample().nice())));
        COLUMNS.put("state", new Column("STATE", (p, now) -> String.valueOf(p.sample().state())));
        COLUMNS.put("vsz", new Column("VSZ", (p, now) -> Long.toString(p.sample().vszKiB())));
        COLUMNS.put("rss", new Column("RSS", (p, now) -> Long.toString(p.sample().rssKiB())));
    }

    private final List<Column> chosen;

    private TopColumns(List<Column> chosen) {
        this.chosen = chosen;
    }

    /**
     * The descriptors as given, one per argument or several split by commas or spaces; none: the
     * default.
     */
    public static TopColumns of(List<String> descriptors) throws JpodException {
        List<String> names = new ArrayList<>();
        for (String d : descriptors) {
            for (String name : d.split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        List<Column> chosen = new ArrayList<>();
        for (String name : names.isEmpty() ? DEFAULT : names) {
            Column c = COLUMNS.get(name);
            if (c == null) {
                throw new JpodException(
                        "unknown descriptor: "
                                + name
                                + " (choose from "
                                + String.join(", ", COLUMNS.keySet())
                                + ")");
            }
            chosen.add(c);
        }
        return new TopColumns(chosen);
    }

    public String[] headers() {
        return chosen.stream().map(Column::header).toArray(String[]::new);
    }

    public String[] row(Engine.TopProcess p, Instant now) {
        return chosen.stream().map(c -> c.cell().apply(p, now)).toArray(String[]::new);
    }

    private static Duration elapsed(ProcessSample s, Instant now) {
        Duration d = Duration.between(s.started(), now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String pcpu(Engine.TopProcess p, Instant now) {
        long elapsed = elapsed(p.sample(), now).toNanos();
        double pct = elapsed == 0 ? 0 : 100.0 * p.sample().cpu().toNanos() / elapsed;
        return String.format(Locale.ROOT, "%.3f", pct);
    }

    /** A device number as ps names it: pts/N, ttyN, or ? for none. */
    static String tty(int dev) {
        if (dev == 0) {
            return "?";
        }
        int major = (dev >> 8) & 0xfff;
        int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        if (major == 4) {
            return "tty" + minor;
        }
        return "?";
    }

    private static String args(ProcessSample s) {
        return s.args().isEmpty() ? "[" + s.comm() + "]" : String.join(" ", s.args());
    }
}
