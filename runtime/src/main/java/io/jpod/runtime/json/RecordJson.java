package io.jpod.runtime.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of jpod's own files (pod state, the image index), for records of records, without a
 * general-purpose mapper: the format Jackson wrote for them before (and still reads), at a fraction
 * of a cold JVM's cost. Jackson builds and introspects a deserializer per type on every start,
 * which was most of what {@code ps} spent and most of a play's planning; this walks each record's
 * components once per type, so a field another change adds to a record needs nothing here.
 *
 * <p>As Jackson did: a record is an object of its components by name, unknown names are ignored, an
 * absent component is null (0 or false for a primitive) and left to the record's constructor to
 * default; enums by name; {@link Instant} as ISO-8601 text; {@link Duration} as decimal seconds;
 * lists and sets as arrays; maps with text keys as objects. Written on one line, components in
 * their order, without those that hold what an absent one reads as.
 */
public final class RecordJson {

    /** A type this codec cannot map, or JSON that does not fit the type. */
    public static final class JsonException extends RuntimeException {
        JsonException(String message) {
            super(message);
        }
    }

    /** A record class as reading and writing need it: its components' generic types read once. */
    record Shape(
            RecordComponent[] components,
            String[] names,
            Type[] types,
            Constructor<?> constructor) {}

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordJson() {}

    public static <T extends Record> T read(byte[] json, Class<T> type) {
        return RecordReader.read(json, type);
    }

    public static String write(Record value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out);
        return out.append('\n').toString();
    }

    /**
     * Checks that every type reachable from the record can be read and written: a component of a
     * type this codec does not know fails here, in a test, rather than in a user's {@code ps}.
     */
    public static void check(Class<? extends Record> type) {
        check(type, new HashSet<>());
    }

    private static void check(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        Class<?> raw = raw(type);
        Variants variants = variants(raw);
        if (variants != null) {
            for (Class<?> variant : variants.byName().values()) {
                check(variant, seen);
            }
        } else if (raw.isRecord()) {
            for (RecordComponent c : shape(raw).components()) {
                check(c.getGenericType(), seen);
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            check(argument(type, 0), seen);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (argument(type, 0) != String.class) {
                throw new JsonException("map keys must be strings: " + type);
            }
            check(argument(type, 1), seen);
        } else if (!scalar(raw)) {
            throw new JsonException("no JSON mapping for " + type.getTypeName());
        }
    }

    private static boolean scalar(Class<?> raw) {
        return raw.isPrimitive()
                || raw == String.class
                || raw == Boolean.class
                || raw == Integer.class
                || raw == Long.class
                || raw == Short.class
                || raw == Byte.class
                || raw == Double.class
                || raw == Float.class
                || raw == Instant.class
                || raw == Duration.class
                || raw.isEnum();
    }

    // ---------------------------------------------------------------- variants

    /**
     * A sealed interface of records told apart by a name in a property, as Jackson writes one
     * annotated {@code @JsonTypeInfo(use = NAME, property = P)} with {@code @JsonSubTypes}.
     */
    record Variants(String property, Map<String, Class<?>> byName) {}

    private static final Map<Class<?>, Optional<Variants>> VARIANTS = new ConcurrentHashMap<>();

    static Variants variants(Class<?> raw) {
        if (!raw.isInterface()) {
            return null;
        }
        return VARIANTS.computeIfAbsent(
                        raw,
                        t -> {
                            JsonTypeInfo info = t.getAnnotation(JsonTypeInfo.class);
                            JsonSubTypes subtypes = t.getAnnotation(JsonSubTypes.class);
                            if (info == null || subtypes == null) {
                                return Optional.empty();
                            }
                            Map<String, Class<?>> byName = new LinkedHashMap<>();
                            for (JsonSubTypes.Type sub : subtypes.value()) {
                                byName.put(sub.name(), sub.value());
                            }
                            return Optional.of(new Variants(info.property(), byName));
                        })
                .orElse(null);
    }

    /** The property and name a variant of a tagged sealed interface is written with, or null. */
    static String[] tag(Class<?> record) {
        for (Class<?> iface : record.getInterfaces()) {
            Variants variants = variants(iface);
            if (variants != null) {
                for (Map.Entry<String, Class<?>> e : variants.byName().entrySet()) {
                    if (e.getValue() == record) {
                        return new String[] {variants.property(), e.getKey()};
                    }
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- binding

    /** A record type's components, their accessors made accessible. */
    static RecordComponent[] components(Class<?> record) {
        return shape(record).components();
    }

    static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(
                type,
                t -> {
                    RecordComponent[] cs = t.getRecordComponents();
                    Class<?>[] types = new Class<?>[cs.length];
                    String[] names = new String[cs.length];
                    Type[] generic = new Type[cs.length];
                    for (int i = 0; i < cs.length; i++) {
                        types[i] = cs[i].getType();
                        names[i] = cs[i].getName();
                        generic[i] = cs[i].getGenericType();
                    }
                    try {
                        Constructor<?> ctor = t.getDeclaredConstructor(types);
                        ctor.setAccessible(true);
                        for (RecordComponent c : cs) {
                            c.getAccessor().setAccessible(true);
                        }
                        return new Shape(cs, names, generic, ctor);
                    } catch (NoSuchMethodException e) {
                        throw new JsonException(
                                "record " + t.getName() + " has no canonical constructor");
                    }
                });
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType) {
            throw new JsonException("no JSON mapping for arrays: " + type.getTypeName());
        }
        throw new JsonException("no JSON mapping for " + type.getTypeName());
    }

    static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new JsonException("raw collection type " + type.getTypeName());
    }

    // ---------------------------------------------------------------- writing

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Record r) {
            RecordComponent[] cs = shape(r.getClass()).components();
            String[] tag = tag(r.getClass());
            out.append('{');
            boolean first = true;
            if (tag != null) {
                string(tag[0], out);
                out.append(':');
                string(tag[1], out);
                first = false;
            }
            for (RecordComponent c : cs) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new JsonException(
                            r.getClass().getSimpleName() + "." + c.getName() + ": " + e);
                }
                if (readsAsAbsent(c.getType(), v)) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(c.getName(), out);
                out.append(':');
                write(v, out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(e, out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Enum<?> e) {
            string(e.name(), out);
        } else if (value instanceof Instant i) {
            string(i.toString(), out);
        } else if (value instanceof Duration d) {
            out.append(
                    BigDecimal.valueOf(d.getSeconds())
                            .add(BigDecimal.valueOf(d.getNano(), 9))
                            .toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                string(value.toString(), out);
            } else {
                out.append(value);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Character ch) {
            string(ch.toString(), out);
        } else {
            throw new JsonException("no JSON mapping for " + value.getClass().getName());
        }
    }

    /**
     * Whether reading leaves the component so when it is absent: null, or 0 or false for a
     * primitive (-0.0 is kept). Such components are not written: a pod's records are mostly nulls
     * and falses, and {@code ps} reads them all in a cold JVM, byte by byte.
     */
    private static boolean readsAsAbsent(Class<?> type, Object value) {
        return value == null || (type.isPrimitive() && value.equals(RecordReader.zero(type)));
    }

    /** A JSON string of {@code s}, escaped as Jackson escapes it. */
    public static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
