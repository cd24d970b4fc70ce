package io.jpod.runtime.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One process as /proc shows it, for {@code top}. Ids are those of the namespaces of the reader:
 * read from jpod's user namespace, uid 0 is the container's root.
 *
 * @param nsPids the process's pid in each pid namespace, outermost first (/proc's NSpid)
 * @param cpu user and system time so far
 * @param tty the controlling terminal's device number, 0 for none
 */
public record ProcessSample(
        long pid,
        long ppid,
        List<Long> nsPids,
        int uid,
        int gid,
        char state,
        int nice,
        String comm,
        List<String> args,
        Duration cpu,
        Instant started,
        int tty,
        long vszKiB,
        long rssKiB) {

    private static final long TICKS = 100; // USER_HZ, fixed by the kernel's ABI on x86 and arm
    private static final long PAGE_KIB = 4;

    /** Empty when the process is gone, or was never there. */
    public static Optional<ProcessSample> read(long pid, Instant boot) {
        Path dir = Path.of("/proc/" + pid);
        try {
            String stat = Files.readString(dir.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String comm = stat.substring(open + 1, close);
            String[] f = stat.substring(close + 2).split(" ");
            // f[0] is field 3 (state) of proc(5)
            long ppid = Long.parseLong(f[1]);
            int tty = Integer.parseInt(f[4]);
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            int nice = Integer.parseInt(f[16]);
            long startTicks = Long.parseLong(f[19]);
            long vsz = Long.parseLong(f[20]) / 1024;
            long rss = Long.parseLong(f[21]) * PAGE_KIB;
            List<String> status = Files.readAllLines(dir.resolve("status"));
            int uid = (int) firstNumber(status, "Uid:");
            int gid = (int) firstNumber(status, "Gid:");
            List<Long> nsPids =
                    status.stream()
                            .filter(l -> l.startsWith("NSpid:"))
                            .findFirst()
                            .map(
                                    l ->
                                            Arrays.stream(l.substring(6).trim().split("\\s+"))
                                                    .map(Long::parseLong)
                                                    .toList())
                            .orElse(List.of(pid));
            byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
            List<String> args =
                    raw.length == 0
                            ? List.of()
                            : List.of(
                                    new String(raw, StandardCharsets.UTF_8)
                                            .replaceAll("\0$", "")
                                            .split("\0"));
            return Optional.of(
                    new ProcessSample(
                            pid,
                            ppid,
                            nsPids,
                            uid,
                            gid,
                            f[0].charAt(0),
                            nice,
                            comm,
                            args,
                            Duration.ofMillis(ticks * 1000 / TICKS),
                            boot.plusMillis(startTicks * 1000 / TICKS),
                            tty,
                            vsz,
                            rss));
        } catch (IOException | RuntimeException e) {
            // gone between the listing and the read, or a kernel thread's odd fields
            return Optional.empty();
        }
    }

    /** When the host booted, from /proc/stat's btime. */
    public static Instant bootTime() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (line.startsWith("btime ")) {
                return Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim()));
            }
        }
        throw new IOException("/proc/stat has no btime");
    }

    /** The pid in the innermost pid namespace, which the container sees. */
    public long innerPid() {
        return nsPids.getLast();
    }

    private static long firstNumber(List<String> status, String key) {
        return status.stream()
                .filter(l -> l.startsWith(key))
                .findFirst()
                .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]))
                .orElse(-1L);
    }
}
