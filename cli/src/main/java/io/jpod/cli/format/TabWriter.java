package io.jpod.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells as Go's text/tabwriter does with podman's settings (minimum width 12,
 * padding 2): a column's width is set by the run of consecutive lines that have a cell there, and
 * the last cell of a line is never padded.
 */
final class TabWriter {

    private static final int MIN_WIDTH = 12;
    private static final int PADDING = 2;

    private TabWriter() {}

    static String align(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        boolean trailingNewline = text.endsWith("\n");
        String[] lines =
                (trailingNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1);
        List<String[]> cells = new ArrayList<>();
        for (String line : lines) {
            cells.add(line.split("\t", -1));
        }
        int[][] widths = new int[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            widths[i] = new int[cells.get(i).length];
        }
        int columns = cells.stream().mapToInt(c -> c.length).max().orElse(0);
        for (int col = 0; col < columns - 1; col++) {
            int start = 0;
            while (start < lines.length) {
                if (cells.get(start).length - 1 <= col) {
                    start++;
                    continue;
                }
                int end = start;
                int width = 0;
                while (end < lines.length && cells.get(end).length - 1 > col) {
                    width = Math.max(width, cells.get(end)[col].length() + PADDING);
                    end++;
                }
                width = Math.max(width, MIN_WIDTH);
                for (int i = start; i < end; i++) {
                    widths[i][col] = width;
                }
                start = end;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String[] row = cells.get(i);
            for (int col = 0; col < row.length; col++) {
                out.append(row[col]);
                if (col < row.length - 1) {
                    out.append(" ".repeat(widths[i][col] - row[col].length()));
                }
            }
            if (i < lines.length - 1 || trailingNewline) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
