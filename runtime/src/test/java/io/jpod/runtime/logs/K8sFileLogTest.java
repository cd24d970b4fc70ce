package io.jpod.runtime.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class K8sFileLogTest {

    @TempDir Path dir;

    private static final String T = "2024-05-01T10:00:00.123456789+00:00";

    private static String texts(List<LogLine> lines) {
        return String.join("|", lines.stream().map(LogLine::text).toList());
    }

    @Test
    void partialRecordsAreJoinedIntoOneLine() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("ctr.log"),
                        T
                                + " stdout P hel\n"
                                + T
                                + " stdout P lo, \n"
                                + T
                                + " stdout F world\n"
                                + "2024-05-01T10:00:01Z stderr F oops\n"
                                + T
                                + " stdout F\n");
        List<LogLine> lines = new K8sFileLog(file).read(-1);
        assertEquals("hello, world|oops|", texts(lines));
        assertEquals(List.of(false, true, false), lines.stream().map(LogLine::stderr).toList());
        assertEquals(Instant.parse("2024-05-01T10:00:00.123456789Z"), lines.getFirst().time());
        assertEquals(Instant.parse("2024-05-01T10:00:01Z"), lines.get(1).time());
    }

    @Test
    void textKeepsItsOwnSpaces() throws Exception {
        Path file = Files.writeString(dir.resolve("ctr.log"), T + " stdout F   indented  text \n");
        assertEquals("  indented  text ", new K8sFileLog(file).read(-1).getFirst().text());
    }

    @Test
    void tailKeepsTheLastLines() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("ctr.log"),
                        T
                                + " stdout F 1\n"
                                + T
                                + " stdout P 2\n"
                                + T
                                + " stdout F a\n"
                                + T
                                + " stdout F 3\n");
        assertEquals("2a|3", texts(new K8sFileLog(file).read(2)));
        assertEquals("", texts(new K8sFileLog(file).read(0)));
        assertEquals("1|2a|3", texts(new K8sFileLog(file).read(10)));
    }

    @Test
    void missingFileHasNoLines() throws Exception {
        assertEquals(List.of(), new K8sFileLog(dir.resolve("absent")).read(-1));
    }

    @Test
    void followPrintsTheTailThenNewRecordsAndStopsWhenDrained() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("ctr.log"), T + " stdout F old1\n" + T + " stdout F old2\n");
        List<String> seen = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        new K8sFileLog(file)
                .follow(
                        1,
                        () -> {
                            if (polls.incrementAndGet() == 1) {
                                // the container writes its last output and exits between two polls:
                                // it must still be printed
                                append(
                                        file,
                                        T
                                                + " stderr P last \n"
                                                + T
                                                + " stderr F words\n"
                                                + T
                                                + " stdout P unfinished");
                                return false;
                            }
                            return false;
                        },
                        line -> seen.add((line.stderr() ? "E:" : "O:") + line.text()));
        assertEquals(List.of("O:old2", "E:last words"), seen);
        assertEquals(2, polls.get(), "one poll to read the new records, one to find nothing more");
    }

    @Test
    void followStartsOverWhenTheFileIsTruncated() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("ctr.log"),
                        T
                                + " stdout F a long line before rotation\n"
                                + T
                                + " stdout F another one\n");
        List<String> seen = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        new K8sFileLog(file)
                .follow(
                        0,
                        () -> {
                            if (polls.incrementAndGet() == 1) {
                                // conmon truncates the file at --log-size-max and goes on writing
                                // from the start
                                writeFile(file, T + " stdout F after\n");
                            }
                            return false;
                        },
                        line -> seen.add(line.text()));
        assertEquals(List.of("after"), seen);
    }

    @Test
    void followDecodesMultibyteTextSplitAcrossReads() throws Exception {
        Path file = Files.writeString(dir.resolve("ctr.log"), "");
        // more than one read's worth (1 MiB) of two-byte characters, so a read boundary falls
        // inside one
        String text = "é".repeat(600_000);
        List<String> seen = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        new K8sFileLog(file)
                .follow(
                        0,
                        () -> {
                            if (polls.incrementAndGet() == 1) {
                                append(file, T + " stdout F " + text + "\n");
                            }
                            return false;
                        },
                        line -> seen.add(line.text()));
        assertEquals(1, seen.size());
        assertEquals(text.length(), seen.getFirst().length());
        assertEquals(text, seen.getFirst());
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
