package io.jpod.model.yaml;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Kubernetes would type a plain scalar. kubectl reads YAML with go-yaml v2 (YAML 1.1), so
 * {@code yes}/{@code on} are booleans and {@code 0644} is octal, unlike YAML 1.2.
 */
public enum ScalarKind {
    NULL,
    BOOL,
    INT,
    FLOAT,
    STRING;

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES =
            Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSES =
            Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Pattern INT_TEXT =
            Pattern.compile("[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)");
    private static final Pattern FLOAT_TEXT =
            Pattern.compile(
                    "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    static ScalarKind ofPlain(String text) {
        if (NULLS.contains(text)) {
            return NULL;
        }
        if (TRUES.contains(text) || FALSES.contains(text)) {
            return BOOL;
        }
        if (!startsLikeNumber(text.charAt(0))) {
            return STRING; // most scalars: names, images, paths; neither regex could match them
        }
        if (INT_TEXT.matcher(text).matches()) {
            return INT;
        }
        return FLOAT_TEXT.matcher(text).matches() ? FLOAT : STRING;
    }

    /** Every integer and float above starts so. */
    private static boolean startsLikeNumber(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }

    static boolean isNull(String text) {
        return NULLS.contains(text);
    }

    static boolean isTrue(String text) {
        return TRUES.contains(text);
    }

    /** Parses an integer as go-yaml v2 does: decimal, 0x, 0o, 0b, and leading-zero octal. */
    static long parseInt(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        long value;
        if (t.startsWith("0x")) {
            value = Long.parseLong(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            value = Long.parseLong(t.substring(2), 8);
        } else if (t.startsWith("0b")) {
            value = Long.parseLong(t.substring(2), 2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            value = Long.parseLong(t.substring(1), 8);
        } else {
            value = Long.parseLong(t);
        }
        return negative ? -value : value;
    }

    /** What a user would call this kind in an error message. */
    String noun() {
        return switch (this) {
            case NULL -> "null";
            case BOOL -> "a boolean";
            case INT -> "an integer";
            case FLOAT -> "a number";
            case STRING -> "a string";
        };
    }
}
