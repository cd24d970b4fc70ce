package io.jpod.runtime.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 * lists and sets as arrays; maps with text keys as objects.
 */
public final class RecordJson {

    /** A type this codec cannot map, or JSON that does not fit the type. */
    public static final class JsonException extends RuntimeException {
        JsonException(String message) {
            super(message);
        }
    }

    /** A record type's components and canonical constructor, looked up once per JVM. */
    /** A record class as bind and write need it: its components' generic types read once. */
    private record Shape(
            RecordComponent[] components,
            String[] names,
            Type[] types,
            Constructor<?> constructor) {}

    /**
     * Where in the document a value is, for errors; text only when one is thrown, since a state
     * file has hundreds of values and almost never a wrong one.
     */
    private record Where(Where parent, String name, int index) {
        Where field(String field) {
            return new Where(this, field, -1);
        }

        Where item(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            String up = parent == null ? "" : parent.toString();
            if (name == null) {
                return up + "[" + index + "]";
            }
            return parent == null ? name : up + "." + name;
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordJson() {}

    public static <T extends Record> T read(byte[] json, Class<T> type) {
        Parser p = new Parser(new String(json, StandardCharsets.UTF_8));
        Object tree = p.value();
        p.end();
        return type.cast(bind(tree, type, new Where(null, type.getSimpleName(), -1)));
    }

    public static String write(Record value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out, 0);
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
    private record Variants(String property, Map<String, Class<?>> byName) {}

    private static final Map<Class<?>, Optional<Variants>> VARIANTS = new ConcurrentHashMap<>();

    private static Variants variants(Class<?> raw) {
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

    private static Shape shape(Class<?> type) {
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

    private static Class<?> raw(Type type) {
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

    private static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new JsonException("raw collection type " + type.getTypeName());
    }

    private static Object bind(Object tree, Type type, Where where) {
        Class<?> raw = raw(type);
        if (tree == null) {
            return raw.isPrimitive() ? zero(raw) : null;
        }
        Variants variants = variants(raw);
        if (variants != null) {
            if (!(tree instanceof Map<?, ?> object)) {
                throw mismatch(where, "an object", tree);
            }
            Class<?> variant = variants.byName().get(object.get(variants.property()));
            if (variant == null) {
                throw new JsonException(
                        where
                                + ": unknown "
                                + variants.property()
                                + " '"
                                + object.get(variants.property())
                                + "'");
            }
            return bind(tree, variant, where);
        }
        if (raw.isRecord()) {
            if (!(tree instanceof Map<?, ?> object)) {
                throw mismatch(where, "an object", tree);
            }
            Shape s = shape(raw);
            Object[] args = new Object[s.components().length];
            for (int i = 0; i < args.length; i++) {
                String name = s.names()[i];
                args[i] = bind(object.get(name), s.types()[i], where.field(name));
            }
            try {
                return s.constructor().newInstance(args);
            } catch (InvocationTargetException e) {
                throw new JsonException(where + ": " + e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new JsonException(where + ": " + e);
            }
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!(tree instanceof List<?> array)) {
                throw mismatch(where, "an array", tree);
            }
            Collection<Object> out =
                    Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
            Type element = argument(type, 0);
            for (int i = 0; i < array.size(); i++) {
                out.add(bind(array.get(i), element, where.item(i)));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(tree instanceof Map<?, ?> object)) {
                throw mismatch(where, "an object", tree);
            }
            Type value = argument(type, 1);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : object.entrySet()) {
                out.put(
                        (String) e.getKey(),
                        bind(e.getValue(), value, where.field((String) e.getKey())));
            }
            return out;
        }
        return scalar(tree, raw, where);
    }

    private static Object scalar(Object tree, Class<?> raw, Where where) {
        if (raw == String.class) {
            if (tree instanceof String s) {
                return s;
            }
            if (tree instanceof BigDecimal || tree instanceof Long || tree instanceof Boolean) {
                return tree.toString();
            }
            throw mismatch(where, "text", tree);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (tree instanceof Boolean b) {
                return b;
            }
            if (tree instanceof String s && (s.equals("true") || s.equals("false"))) {
                return Boolean.valueOf(s);
            }
            throw mismatch(where, "true or false", tree);
        }
        if (raw == Instant.class) {
            try {
                if (tree instanceof String s) {
                    return UtcInstant.parse(s);
                }
                BigDecimal seconds = number(tree, where);
                return Instant.ofEpochSecond(
                        seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } catch (DateTimeParseException e) {
                throw mismatch(where, "an ISO-8601 instant", tree);
            }
        }
        if (raw == Duration.class) {
            try {
                if (tree instanceof String s) {
                    return Duration.parse(s);
                }
                BigDecimal seconds = number(tree, where);
                return Duration.ofSeconds(
                        seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } catch (DateTimeParseException e) {
                throw mismatch(where, "an ISO-8601 duration", tree);
            }
        }
        if (raw.isEnum()) {
            if (tree instanceof String s) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(s)) {
                        return constant;
                    }
                }
            }
            throw mismatch(where, "one of " + List.of(raw.getEnumConstants()), tree);
        }
        if (tree instanceof Long l && isWhole(raw)) {
            return narrow(l, raw, where);
        }
        BigDecimal n = number(tree, where);
        try {
            if (raw == long.class || raw == Long.class) {
                return n.longValueExact();
            }
            if (raw == int.class || raw == Integer.class) {
                return n.intValueExact();
            }
            if (raw == short.class || raw == Short.class) {
                return n.shortValueExact();
            }
            if (raw == byte.class || raw == Byte.class) {
                return n.byteValueExact();
            }
        } catch (ArithmeticException e) {
            throw mismatch(where, "a whole number in range", tree);
        }
        if (raw == double.class || raw == Double.class) {
            return n.doubleValue();
        }
        if (raw == float.class || raw == Float.class) {
            return n.floatValue();
        }
        throw new JsonException("no JSON mapping for " + raw.getName());
    }

    private static boolean isWhole(Class<?> raw) {
        return raw == long.class
                || raw == Long.class
                || raw == int.class
                || raw == Integer.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class;
    }

    /**
     * A whole number as the parser read it, without a BigDecimal: that class's first use costs a
     * cold JVM some milliseconds, and nearly every number in jpod's files is a whole one.
     */
    private static Object narrow(long l, Class<?> raw, Where where) {
        if (raw == long.class || raw == Long.class) {
            return l;
        }
        if ((raw == int.class || raw == Integer.class) && l == (int) l) {
            return (int) l;
        }
        if ((raw == short.class || raw == Short.class) && l == (short) l) {
            return (short) l;
        }
        if ((raw == byte.class || raw == Byte.class) && l == (byte) l) {
            return (byte) l;
        }
        throw mismatch(where, "a whole number in range", l);
    }

    private static BigDecimal number(Object tree, Where where) {
        if (tree instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (tree instanceof BigDecimal d) {
            return d;
        }
        if (tree instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw mismatch(where, "a number", tree);
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        if (primitive == float.class) {
            return 0f;
        }
        if (primitive == short.class) {
            return (short) 0;
        }
        if (primitive == byte.class) {
            return (byte) 0;
        }
        return '\0';
    }

    private static JsonException mismatch(Where where, String expected, Object found) {
        String shown =
                found instanceof Map
                        ? "an object"
                        : found instanceof List ? "an array" : "'" + found + "'";
        return new JsonException(where + ": expected " + expected + ", found " + shown);
    }

    // ---------------------------------------------------------------- writing

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Record r) {
            RecordComponent[] cs = shape(r.getClass()).components();
            String[] tag = tag(r.getClass());
            if (cs.length == 0 && tag == null) {
                out.append("{ }");
                return;
            }
            out.append('{');
            if (tag != null) {
                out.append('\n');
                indent(out, depth + 1);
                string(tag[0], out);
                out.append(" : ");
                string(tag[1], out);
            }
            for (int i = 0; i < cs.length; i++) {
                out.append(i == 0 && tag == null ? "\n" : ",\n");
                indent(out, depth + 1);
                string(cs[i].getName(), out);
                out.append(" : ");
                try {
                    write(cs[i].getAccessor().invoke(r), out, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new JsonException(
                            r.getClass().getSimpleName() + "." + cs[i].getName() + ": " + e);
                }
            }
            out.append('\n');
            indent(out, depth);
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                out.append("[ ]");
                return;
            }
            out.append("[ ");
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                write(e, out, depth);
            }
            out.append(" ]");
        } else if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{ }");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, depth + 1);
                string(String.valueOf(e.getKey()), out);
                out.append(" : ");
                write(e.getValue(), out, depth + 1);
            }
            out.append('\n');
            indent(out, depth);
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

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
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

    // ---------------------------------------------------------------- parsing

    /** JSON text to maps, lists, strings, Long or BigDecimal numbers, booleans and null. */
    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        void end() {
            space();
            if (at < s.length()) {
                throw error("unexpected text after the value");
            }
        }

        Object value() {
            space();
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return out;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("expected a field name");
                }
                String key = string();
                space();
                expect(':');
                out.put(key, value());
                space();
                char c = next();
                if (c == '}') {
                    return out;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> out = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return out;
            }
            while (true) {
                out.add(value());
                space();
                char c = next();
                if (c == ']') {
                    return out;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            at++;
            StringBuilder out = null;
            int start = at;
            while (true) {
                if (at >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(at);
                if (c == '"') {
                    String tail = s.substring(start, at++);
                    return out == null ? tail : out.append(tail).toString();
                }
                if (c != '\\') {
                    at++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(s, start, at);
                at++;
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (at + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
                start = at;
            }
        }

        private Object number() {
            int start = at;
            boolean integral = true;
            while (at < s.length()) {
                char c = s.charAt(at);
                if (c == '.' || c == 'e' || c == 'E') {
                    integral = false;
                } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                    break;
                }
                at++;
            }
            String text = s.substring(start, at);
            try {
                if (integral && text.length() < 19) {
                    return Long.parseLong(text);
                }
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                at = start;
                throw error("bad number " + text);
            }
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, at)) {
                throw error("unexpected '" + s.charAt(at) + "'");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < s.length()) {
                char c = s.charAt(at);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return;
                }
                at++;
            }
        }

        private char peek() {
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                at--;
                throw error("expected '" + c + "'");
            }
        }

        private JsonException error(String what) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < Math.min(at, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new JsonException(what + " at line " + line + ", column " + column);
        }
    }
}
