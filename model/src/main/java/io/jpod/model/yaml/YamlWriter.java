package io.jpod.model.yaml;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as block YAML in kubectl's layout. Strings are
 * quoted whenever YAML 1.1 (what kubectl reads) would type them otherwise, e.g. {@code "yes"} or
 * {@code "0644"}; multi-line strings become literal blocks.
 */
public final class YamlWriter {
    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {}

    public static String write(Map<String, ?> document) {
        YamlWriter w = new YamlWriter();
        w.mapping(document, 0);
        return w.out.toString();
    }

    private void mapping(Map<String, ?> map, int indent) {
        boolean first = true;
        for (var e : map.entrySet()) {
            if (!first) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(scalar(e.getKey(), indent)).append(':');
            value(e.getValue(), indent, indent + 2);
        }
    }

    /**
     * Writes what follows "key:" or "-": inline for scalars and empty collections, below otherwise.
     */
    private void value(Object value, int listIndent, int mapIndent) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n').append(" ".repeat(mapIndent));
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) m;
            mapping(typed, mapIndent);
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            out.append('\n');
            sequence(l, listIndent);
        } else if (value instanceof Map<?, ?>) {
            out.append(" {}\n");
        } else if (value instanceof List<?>) {
            out.append(" []\n");
        } else {
            out.append(' ').append(scalar(value, mapIndent)).append('\n');
        }
    }

    private void sequence(List<?> list, int indent) {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                out.append(' ');
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) m;
                mapping(typed, indent + 2);
            } else {
                value(item, indent + 2, indent + 2);
            }
        }
    }

    private static String scalar(Object value, int indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString();
        if (isPlain(s)) {
            return s;
        }
        if (s.contains("\n") && isLiteralSafe(s)) {
            return literal(s, indent);
        }
        return quoted(s);
    }

    static boolean isPlain(String s) {
        if (s.isEmpty() || ScalarKind.ofPlain(s) != ScalarKind.STRING || s.isBlank()) {
            return false;
        }
        if (Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0 || s.endsWith(":")) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.contains("\t")) {
            return false;
        }
        return s.chars()
                .allMatch(
                        c ->
                                c >= 0x20
                                        && c != 0x7f
                                        && c != 0x85
                                        && c != 0x2028
                                        && c != 0x2029
                                        && c != 0xfeff);
    }

    private static boolean isLiteralSafe(String s) {
        if (s.startsWith(" ") || s.startsWith("\n")) {
            return false; // would need an indentation indicator
        }
        return s.chars()
                .allMatch(
                        c ->
                                c == '\n'
                                        || c >= 0x20
                                                && c != 0x7f
                                                && c != 0x85
                                                && c != 0x2028
                                                && c != 0x2029
                                                && c != 0xfeff);
    }

    private static String literal(String s, int indent) {
        String chomp = s.endsWith("\n\n") ? "+" : s.endsWith("\n") ? "" : "-";
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        StringBuilder b = new StringBuilder("|").append(chomp);
        for (String line : body.split("\n", -1)) {
            b.append('\n');
            if (!line.isEmpty()) {
                b.append(" ".repeat(indent)).append(line);
            }
        }
        return b.toString();
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20
                            || c == 0x7f
                            || c == 0x85
                            || c == 0x2028
                            || c == 0x2029
                            || c == 0xfeff) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
