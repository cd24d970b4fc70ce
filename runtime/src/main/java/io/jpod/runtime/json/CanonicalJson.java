package io.jpod.runtime.json;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A canonical JSON of records, byte for byte what Jackson wrote with {@code NON_DEFAULT} inclusion,
 * properties sorted alphabetically and map entries by key: digests stored in pod state were taken
 * of that text, so it must not move by a byte. Jackson introspected a serializer per type on every
 * start, tens of milliseconds of a cold {@code play kube}; this walks each record's components.
 *
 * <p>As Jackson left them out: a component or map value that is null, an empty string, collection,
 * map (or one whose every value is left out) or array, or a primitive or wrapper at 0 or false; a
 * variant of a tagged sealed interface has its tag first; enums by name, byte arrays as Base64.
 *
 * <p>The tags are given, not read from the {@code @JsonTypeInfo} annotations: a cold JVM spends
 * some 20 ms making the proxies of its first annotations. {@link #tagsOf} reads them, for a test.
 */
public final class CanonicalJson {

    /** The property and name a variant of a tagged sealed interface is written with first. */
    public record Tag(String property, String name) {}

    private static final Map<Class<?>, RecordComponent[]> SORTED = new ConcurrentHashMap<>();

    private final Map<Class<?>, Tag> tags;

    /** A writer of records whose tagged variants are the keys of {@code tags}. */
    public CanonicalJson(Map<Class<?>, Tag> tags) {
        this.tags = Map.copyOf(tags);
    }

    /**
     * The tags of the variants reachable from {@code type} as their annotations give them, and a
     * check that this writer maps every type reachable.
     */
    public static Map<Class<?>, Tag> tagsOf(Class<?> type) {
        Map<Class<?>, Tag> out = new HashMap<>();
        reach(type, new HashSet<>(), out);
        return out;
    }

    private static void reach(Type type, Set<Type> seen, Map<Class<?>, Tag> tags) {
        if (!seen.add(type)) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw.isSealed()) {
            for (Class<?> variant : raw.getPermittedSubclasses()) {
                reach(variant, seen, tags);
            }
        } else if (raw.isRecord()) {
            String[] tag = RecordJson.tag(raw);
            if (tag != null) {
                tags.put(raw, new Tag(tag[0], tag[1]));
            }
            for (RecordComponent c : RecordJson.components(raw)) {
                reach(c.getGenericType(), seen, tags);
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            reach(argument(type, 0), seen, tags);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (argument(type, 0) != String.class) {
                throw new RecordJson.JsonException("map keys must be strings: " + type);
            }
            reach(argument(type, 1), seen, tags);
        } else if (!(raw == String.class
                || raw == boolean.class
                || raw == Boolean.class
                || raw == int.class
                || raw == Integer.class
                || raw == long.class
                || raw == Long.class
                || raw == byte[].class
                || raw.isEnum())) {
            throw new RecordJson.JsonException("no canonical JSON for " + type.getTypeName());
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p
                ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
    }

    /**
     * The value as a tree to edit before writing: objects as {@link LinkedHashMap}s in the order
     * written, arrays as {@link ArrayList}s, and Strings, Booleans, Integers, Longs, byte arrays,
     * null.
     */
    public Object tree(Object value) {
        return tree(value, value == null ? Object.class : value.getClass());
    }

    private Object tree(Object value, Type declared) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Record r) {
            Map<String, Object> object = new LinkedHashMap<>();
            Tag tag = tags.get(r.getClass());
            if (tag != null) {
                object.put(tag.property(), tag.name());
            }
            for (RecordComponent c : sorted(r.getClass())) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new RecordJson.JsonException(
                            r.getClass().getSimpleName() + "." + c.getName() + ": " + e);
                }
                if (!leftOut(v, c.getGenericType())) {
                    object.put(c.getName(), tree(v, c.getGenericType()));
                }
            }
            return object;
        }
        if (value instanceof Collection<?> c) {
            Type element = argument(declared, 0);
            List<Object> array = new ArrayList<>(c.size());
            for (Object e : c) {
                array.add(tree(e, element));
            }
            return array;
        }
        if (value instanceof Map<?, ?> m) {
            Type element = argument(declared, 1);
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : new TreeMap<>(keys(m)).entrySet()) {
                if (!leftOut(e.getValue(), element)) {
                    object.put(e.getKey().toString(), tree(e.getValue(), element));
                }
            }
            return object;
        }
        throw new RecordJson.JsonException("no canonical JSON for " + value.getClass().getName());
    }

    private static RecordComponent[] sorted(Class<?> record) {
        return SORTED.computeIfAbsent(
                record,
                t -> {
                    RecordComponent[] cs = RecordJson.components(t).clone();
                    Arrays.sort(cs, Comparator.comparing(RecordComponent::getName));
                    return cs;
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> keys(Map<?, ?> m) {
        for (Object key : m.keySet()) {
            if (!(key instanceof String)) {
                throw new RecordJson.JsonException("map keys must be strings: " + key);
            }
        }
        return (Map<String, ?>) m;
    }

    private static Type argument(Type type, int i) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    /** Whether Jackson's NON_DEFAULT leaves the value out, as its declared type decides. */
    private static boolean leftOut(Object value, Type declared) {
        if (value == null) {
            return true;
        }
        Class<?> raw = raw(declared);
        if (raw == boolean.class || raw == Boolean.class) {
            return Boolean.FALSE.equals(value);
        }
        if (raw == int.class || raw == Integer.class) {
            return Integer.valueOf(0).equals(value);
        }
        if (raw == long.class || raw == Long.class) {
            return Long.valueOf(0).equals(value);
        }
        if (raw == String.class) {
            return "".equals(value);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return ((Collection<?>) value).isEmpty();
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type element = argument(declared, 1);
            for (Object v : ((Map<?, ?>) value).values()) {
                if (!leftOut(v, element)) {
                    return false;
                }
            }
            return true;
        }
        if (raw == byte[].class) {
            return ((byte[]) value).length == 0;
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw) || raw.isArray()) {
            throw new RecordJson.JsonException("no canonical JSON for " + raw.getName());
        }
        return false;
    }

    // ---------------------------------------------------------------- writing

    /** The tree's compact UTF-8 text, as Jackson's {@code writeValueAsBytes} wrote it. */
    public static byte[] compact(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        StringBuilder text = new StringBuilder(4096);
        compact(tree, text);
        utf8(text, out);
        return out.toByteArray();
    }

    private static void compact(Object tree, StringBuilder out) {
        if (tree instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                RecordJson.string((String) e.getKey(), out);
                out.append(':');
                compact(e.getValue(), out);
            }
            out.append('}');
        } else if (tree instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                compact(l.get(i), out);
            }
            out.append(']');
        } else {
            scalar(tree, out);
        }
    }

    /**
     * UTF-8 of text already escaped, except that each surrogate is written as a {@code \\u} escape:
     * Jackson's byte generator does not join a pair into one four-byte character.
     */
    private static void utf8(CharSequence text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.write('\\');
                out.write('u');
                for (int shift = 12; shift >= 0; shift -= 4) {
                    out.write("0123456789ABCDEF".charAt((c >> shift) & 0xF));
                }
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * The tree's text as Jackson's default pretty printer laid it out: two spaces an object level,
     * {@code "key" : value}, arrays on one line ({@code [ a, b ]}), {@code { }} and {@code [ ]}.
     */
    public static String pretty(Object tree) {
        StringBuilder out = new StringBuilder(4096);
        pretty(tree, out, 0);
        return out.toString();
    }

    private static void pretty(Object tree, StringBuilder out, int depth) {
        if (tree instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{ }");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "\n" : ",\n");
                first = false;
                out.repeat("  ", depth + 1);
                RecordJson.string((String) e.getKey(), out);
                out.append(" : ");
                pretty(e.getValue(), out, depth + 1);
            }
            out.append('\n').repeat("  ", depth).append('}');
        } else if (tree instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append("[ ]");
                return;
            }
            out.append("[ ");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                pretty(l.get(i), out, depth);
            }
            out.append(" ]");
        } else {
            scalar(tree, out);
        }
    }

    private static void scalar(Object tree, StringBuilder out) {
        if (tree instanceof String s) {
            RecordJson.string(s, out);
        } else if (tree instanceof byte[] b) {
            out.append('"').append(Base64.getEncoder().encodeToString(b)).append('"');
        } else if (tree == null
                || tree instanceof Boolean
                || tree instanceof Integer
                || tree instanceof Long) {
            out.append(tree);
        } else {
            throw new RecordJson.JsonException(
                    "no canonical JSON for " + tree.getClass().getName());
        }
    }
}
