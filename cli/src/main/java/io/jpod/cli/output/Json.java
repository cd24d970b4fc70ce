package io.jpod.cli.output;

import io.jpod.runtime.json.RecordJson;

import java.util.Collection;
import java.util.Map;

/**
 * JSON as podman prints it, Go's MarshalIndent with four spaces, of the maps, lists and scalars the
 * output classes build. Written here rather than by Jackson: a mapper is hundreds of classes to
 * load and link on every {@code inspect} and {@code --format json}, which start from the small AOT
 * cache of the commands that only read.
 */
public final class Json {

    private Json() {}

    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String sep = "\n";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(sep);
                sep = ",\n";
                indent(out, depth + 1);
                RecordJson.string(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out, depth + 1);
            }
            out.append('\n');
            indent(out, depth);
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String sep = "\n";
            for (Object e : c) {
                out.append(sep);
                sep = ",\n";
                indent(out, depth + 1);
                write(e, out, depth + 1);
            }
            out.append('\n');
            indent(out, depth);
            out.append(']');
        } else if (value instanceof String s) {
            RecordJson.string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> || value instanceof Character) {
            RecordJson.string(value.toString(), out);
        } else {
            throw new IllegalArgumentException("no JSON for a " + value.getClass().getName());
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.repeat("    ", depth);
    }
}
