package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.logs.LogLine;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.PortMapping;
import io.jpod.runtime.sys.ProcessSample;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** port's lines, top's columns, the logs window and system df's sizes. */
class CommandViewsTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void portsAsPodmanPrintsThem() {
        List<PortMapping> ports =
                List.of(
                        new PortMapping("TCP", "", 18080, 8080),
                        new PortMapping("UDP", "127.0.0.1", 5353, 53),
                        new PortMapping("TCP", "::1", 9000, 9000));
        assertEquals(
                List.of(
                        "8080/tcp -> 0.0.0.0:18080",
                        "53/udp -> 127.0.0.1:5353",
                        "9000/tcp -> [::1]:9000"),
                PortView.lines(ports, null));
        assertEquals(List.of("53/udp -> 127.0.0.1:5353"), PortView.lines(ports, "53"));
        assertEquals(List.of(), PortView.lines(ports, "53/tcp"));
        assertTrue(PortView.valid("8080/sctp"));
        assertFalse(PortView.valid("http"));
    }

    @Test
    void topsDefaultColumnsAreHeadedAsPodmansAndFilled() throws Exception {
        TopColumns columns = TopColumns.of(List.of());
        assertArrayEquals(
                new String[] {"USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"},
                columns.headers());
        ProcessSample s =
                new ProcessSample(
                        4242,
                        4200,
                        List.of(4242L, 1L),
                        0,
                        0,
                        'S',
                        0,
                        "sh",
                        List.of("sh", "-c", "sleep 1"),
                        Duration.ofSeconds(1),
                        T,
                        (136 << 8) | 3,
                        1000,
                        200);
        Engine.TopProcess p = new Engine.TopProcess("web-app", s, 1, 0, "root", "root");
        assertArrayEquals(
                new String[] {"root", "1", "0", "25.000", "4s", "pts/3", "1s", "sh -c sleep 1"},
                columns.row(p, T.plusSeconds(4)));
        assertArrayEquals(
                new String[] {"4242", "sh", "S"},
                TopColumns.of(List.of("hpid,comm", "state")).row(p, T));
        assertThrows(JpodException.class, () -> TopColumns.of(List.of("pid,bogus")));
        assertEquals("?", TopColumns.tty(0));
        assertEquals("tty2", TopColumns.tty((4 << 8) | 2));
    }

    @Test
    void logWindowBoundsThenTails() {
        List<LogLine> lines = List.of(line(0, "a"), line(10, "b"), line(20, "c"), line(30, "d"));
        LogWindow window = new LogWindow(T.plusSeconds(10), T.plusSeconds(20), -1);
        assertEquals(List.of("b", "c"), texts(window.select(lines)));
        assertEquals(List.of("d"), texts(new LogWindow(null, null, 1).select(lines)));
        assertEquals(
                List.of("x a", "y b", "x c"),
                new LogWindow(null, null, -1)
                                .merge(
                                        List.of("x ", "y "),
                                        List.of(
                                                List.of(line(0, "a"), line(20, "c")),
                                                List.of(line(10, "b"))))
                                .stream()
                                .map(t -> t.prefix() + t.line().text())
                                .toList());
    }

    @Test
    void sizesAsGoUnitsHumanSize() {
        assertEquals("0B", DiskUsageView.size(0));
        assertEquals("999B", DiskUsageView.size(999));
        assertEquals("4.4MB", DiskUsageView.size(4_400_000));
        assertEquals("1.235MB", DiskUsageView.size(1_234_567));
        assertEquals("2GB", DiskUsageView.size(2_000_000_000L));
        assertEquals("1.1kB (50%)", DiskUsageView.reclaimable(1100, 2200));
        assertEquals("0B (0%)", DiskUsageView.reclaimable(0, 0));
    }

    private static LogLine line(int second, String text) {
        return new LogLine(T.plusSeconds(second), false, text);
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }
}
