package io.jpod.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, as {@code diff -u} prints it: the longest common
 * subsequence of the lines, changes in hunks with {@value #CONTEXT} lines of context around them.
 */
public final class UnifiedDiff {

    static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** Empty when the texts are equal. */
    public static String of(String fromName, String from, String toName, String to) {
        List<String> a = from.isEmpty() ? List.of() : List.of(from.split("\n", -1));
        List<String> b = to.isEmpty() ? List.of() : List.of(to.split("\n", -1));
        a = dropFinalEmpty(a);
        b = dropFinalEmpty(b);
        List<Edit> edits = edits(a, b);
        if (edits.stream().allMatch(e -> e.op == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromName).append('\n');
        out.append("+++ ").append(toName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == ' ') {
                i++;
                continue;
            }
            // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
            // that is no more than 2 * CONTEXT unchanged lines from the one before it
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int last = i;
            while (end < edits.size()) {
                if (edits.get(end).op != ' ') {
                    last = end;
                } else if (end - last > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), last + CONTEXT + 1);
            hunk(out, edits.subList(start, end), edits.get(start));
            i = end;
        }
        return out.toString();
    }

    private static List<String> dropFinalEmpty(List<String> lines) {
        return !lines.isEmpty() && lines.getLast().isEmpty()
                ? lines.subList(0, lines.size() - 1)
                : lines;
    }

    private record Edit(char op, String line, int aLine, int bLine) {}

    private static void hunk(StringBuilder out, List<Edit> hunk, Edit first) {
        int aCount = (int) hunk.stream().filter(e -> e.op != '+').count();
        int bCount = (int) hunk.stream().filter(e -> e.op != '-').count();
        out.append("@@ -")
                .append(range(first.aLine, aCount))
                .append(" +")
                .append(range(first.bLine, bCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.op).append(e.line).append('\n');
        }
    }

    /** diff's "start,count", where an empty range names the line before it. */
    private static String range(int start, int count) {
        int shown = count == 0 ? start - 1 : start;
        return count == 1 ? Integer.toString(shown) : shown + "," + count;
    }

    /** Every line of both, in order, each kept (' '), removed ('-') or added ('+'). */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] =
                        a.get(i).equals(b.get(j))
                                ? lcs[i + 1][j + 1] + 1
                                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // removals before additions, as diff prints a changed line
                edits.add(new Edit('-', a.get(i), i + 1, j + 1));
                i++;
            } else {
                edits.add(new Edit('+', b.get(j), i + 1, j + 1));
                j++;
            }
        }
        return edits;
    }
}
