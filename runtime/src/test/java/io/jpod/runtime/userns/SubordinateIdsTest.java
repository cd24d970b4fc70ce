package io.jpod.runtime.userns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class SubordinateIdsTest {

    @Test
    void matchesByNameOrNumericIdAndKeepsEveryRangeInOrder() {
        List<String> lines =
                List.of(
                        "bob:200000:65536",
                        "alice:100000:65536",
                        "1000:300000:1000",
                        "alice:400000:10");
        assertEquals(
                List.of(
                        new IdRange(100000, 65536),
                        new IdRange(300000, 1000),
                        new IdRange(400000, 10)),
                SubordinateIds.parse(lines, "alice", 1000));
        assertEquals(List.of(new IdRange(200000, 65536)), SubordinateIds.parse(lines, "bob", 1001));
        assertEquals(List.of(), SubordinateIds.parse(lines, "carol", 1002));
    }

    @Test
    void skipsCommentsBlankAndMalformedLines() {
        List<String> lines =
                List.of(
                        "# alice:1:1",
                        "#alice:2:2",
                        "",
                        "alice:100000",
                        "alice:100000:65536:extra:field",
                        "alice:lots:65536",
                        "alice:100000:many",
                        "  alice:500000:5  ",
                        "alicex:600000:6");
        // only the indented but well-formed line counts: fields are read after stripping whitespace
        assertEquals(List.of(new IdRange(500000, 5)), SubordinateIds.parse(lines, "alice", 1000));
    }

    @Test
    void missingFileMeansNoRanges(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), SubordinateIds.ranges(dir.resolve("subuid"), "alice", 1000));
        Files.writeString(dir.resolve("subuid"), "alice:100000:65536\n");
        assertEquals(
                List.of(new IdRange(100000, 65536)),
                SubordinateIds.ranges(dir.resolve("subuid"), "alice", 1000));
    }

    @Test
    void mapArgsPutsTheUserAtZeroAndStacksRangesFromOne() {
        assertEquals(
                List.of("0", "1000", "1", "1", "100000", "65536", "65537", "300000", "10"),
                SubordinateIds.mapArgs(
                        1000, List.of(new IdRange(100000, 65536), new IdRange(300000, 10))));
        assertEquals(List.of("0", "1000", "1"), SubordinateIds.mapArgs(1000, List.of()));
    }
}
