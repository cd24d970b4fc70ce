package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("line ").append(i).append('\n');
        }
        return b.toString();
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("a", lines(1, 5), "b", lines(1, 5)));
    }

    @Test
    void aChangedLineIsARemovalThenAnAdditionWithThreeLinesOfContext() {
        String after = lines(1, 9).replace("line 5\n", "line five\n");
        assertEquals(
                """
                --- a
                +++ b
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """,
                UnifiedDiff.of("a", lines(1, 9), "b", after));
    }

    @Test
    void distantChangesMakeTwoHunksAndNearOnesOne() {
        String far = lines(1, 20).replace("line 2\n", "two\n").replace("line 18\n", "eighteen\n");
        assertEquals(
                """
                --- a
                +++ b
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +two
                 line 3
                 line 4
                 line 5
                @@ -15,6 +15,6 @@
                 line 15
                 line 16
                 line 17
                -line 18
                +eighteen
                 line 19
                 line 20
                """,
                UnifiedDiff.of("a", lines(1, 20), "b", far));
        String near = lines(1, 12).replace("line 3\n", "three\n").replace("line 8\n", "eight\n");
        assertEquals(
                1,
                UnifiedDiff.of("a", lines(1, 12), "b", near)
                        .lines()
                        .filter(l -> l.startsWith("@@"))
                        .count(),
                "changes six lines apart share a hunk");
    }

    @Test
    void fromNothingAndToNothing() {
        assertEquals(
                "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.of("a", "", "b", "x\ny\n"));
        assertEquals("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n", UnifiedDiff.of("a", "x\n", "b", ""));
    }

    @Test
    void insertionsKeepTheCommonLinesInPlace() {
        assertEquals(
                """
                --- a
                +++ b
                @@ -1,3 +1,4 @@
                 a
                +inserted
                 b
                 c
                """,
                UnifiedDiff.of("a", "a\nb\nc\n", "b", "a\ninserted\nb\nc\n"));
    }
}
