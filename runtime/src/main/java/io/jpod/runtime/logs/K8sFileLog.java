package io.jpod.runtime.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads conmon's k8s-file log: {@code TIMESTAMP STREAM TAG TEXT}, where TAG {@code P} marks a
 * partial line that continues on the next record and {@code F} a full one.
 */
public final class K8sFileLog {

    private final Path file;

    public K8sFileLog(Path file) {
        this.file = file;
    }

    /** The whole log, or its last {@code tail} lines when tail >= 0. */
    public List<LogLine> read(int tail) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Assembler assembler = new Assembler();
        ArrayDeque<LogLine> lines = new ArrayDeque<>();
        for (String record : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            LogLine line = assembler.accept(record);
            if (line != null) {
                lines.add(line);
                if (tail >= 0 && lines.size() > tail) {
                    lines.removeFirst();
                }
            }
        }
        return new ArrayList<>(lines);
    }

    /**
     * Prints the last {@code tail} lines, then follows the file until {@code running} turns false
     * and the file has no more to give.
     */
    public void follow(int tail, BooleanSupplier running, Consumer<LogLine> sink)
            throws IOException, InterruptedException {
        List<LogLine> first = read(tail);
        first.forEach(sink);
        long offset = Files.exists(file) ? Files.size(file) : 0;
        Assembler assembler = new Assembler();
        // bytes, not chars: a read may end inside a multi-byte character, so only whole records are
        // decoded
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (true) {
            boolean alive = running.getAsBoolean();
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size < offset) {
                offset = 0; // conmon truncated the file at --log-size-max
                pending.reset();
            }
            if (size > offset) {
                byte[] chunk = new byte[(int) Math.min(size - offset, 1 << 20)];
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    raf.seek(offset);
                    raf.readFully(chunk);
                    offset += chunk.length;
                }
                int start = 0;
                for (int i = 0; i < chunk.length; i++) {
                    if (chunk[i] == '\n') {
                        pending.write(chunk, start, i - start);
                        start = i + 1;
                        LogLine line = assembler.accept(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                        if (line != null) {
                            sink.accept(line);
                        }
                    }
                }
                pending.write(chunk, start, chunk.length - start);
                continue;
            }
            if (!alive) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Joins partial records into lines. */
    static final class Assembler {
        private final StringBuilder partial = new StringBuilder();

        LogLine accept(String record) {
            String[] f = record.split(" ", 4);
            if (f.length < 3) {
                return null;
            }
            Instant time;
            try {
                time = java.time.OffsetDateTime.parse(f[0]).toInstant();
            } catch (DateTimeParseException e) {
                return null; // not a conmon record (a truncated first line, say): skip it rather
                // than fail the read
            }
            partial.append(f.length == 4 ? f[3] : "");
            if (f[2].startsWith("P")) {
                return null;
            }
            LogLine line = new LogLine(time, "stderr".equals(f[1]), partial.toString());
            partial.setLength(0);
            return line;
        }
    }
}
