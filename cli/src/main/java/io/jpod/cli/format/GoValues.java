package io.jpod.cli.format;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** How Go's fmt prints values, and text/template's truth and comparison rules. */
final class GoValues {

    /** What a map lookup of a missing key gives; printed as Go prints it. */
    static final Object NO_VALUE =
            new Object() {
                @Override
                public String toString() {
                    return "<no value>";
                }
            };

    private GoValues() {}

    /** {@code %v}: maps with sorted keys, lists in brackets, structs in braces. */
    static String print(Object value) {
        StringBuilder sb = new StringBuilder();
        print(value, sb);
        return sb.toString();
    }

    private static void print(Object value, StringBuilder sb) {
        switch (value) {
            case null -> sb.append("<nil>");
            case GoStruct s -> {
                StringJoiner j = new StringJoiner(" ", "{", "}");
                s.values().forEach(v -> j.add(print(v)));
                sb.append(j);
            }
            case Map<?, ?> m -> {
                StringJoiner j = new StringJoiner(" ", "map[", "]");
                new TreeMap<>(stringKeys(m)).forEach((k, v) -> j.add(k + ":" + print(v)));
                sb.append(j);
            }
            case Collection<?> c -> {
                StringJoiner j = new StringJoiner(" ", "[", "]");
                c.forEach(v -> j.add(print(v)));
                sb.append(j);
            }
            case Double d -> sb.append(formatFloat(d));
            case Float f -> sb.append(formatFloat(f.doubleValue()));
            default -> sb.append(value);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Go's %v of a float64: shortest form, exponent past 1e21. */
    private static String formatFloat(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return BigDecimal.valueOf(d).toBigInteger().toString();
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            String[] parts = s.split("E");
            int exp = Integer.parseInt(parts[1]);
            return parts[0] + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        return s;
    }

    /** text/template's truth: false, 0, nil, and empty strings, maps and lists are false. */
    static boolean truth(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case CharSequence s -> !s.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            default -> value != NO_VALUE;
        };
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y) == 0;
        }
        if (a instanceof CharSequence || b instanceof CharSequence) {
            return a != null && b != null && a.toString().equals(b.toString());
        }
        return a == null ? b == null : a.equals(b);
    }

    static int compare(Object a, Object b) throws TemplateException {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().compareTo(y.toString());
        }
        throw new TemplateException(
                "template: incompatible types for comparison: " + kind(a) + " and " + kind(b));
    }

    private static int compareNumbers(Number x, Number y) {
        if (isIntegral(x) && isIntegral(y)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        return Double.compare(x.doubleValue(), y.doubleValue());
    }

    static boolean isIntegral(Object n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    /** A Go-ish kind name for error messages. */
    static String kind(Object value) {
        return switch (value) {
            case null -> "nil";
            case GoStruct s -> s.type();
            case Map<?, ?> m -> "map";
            case Collection<?> c -> "slice";
            case CharSequence s -> "string";
            case Boolean b -> "bool";
            case Number n -> isIntegral(n) ? "int" : "float64";
            default -> value.getClass().getSimpleName();
        };
    }
}
