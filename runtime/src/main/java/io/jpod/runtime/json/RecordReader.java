package io.jpod.runtime.json;

import io.jpod.runtime.json.RecordJson.JsonException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON text read straight into records, in one pass over its UTF-8 bytes: no tree of maps in
 * between, a field name matched against the components' names without being made a String, and what
 * each type needs worked out once per JVM ({@link Binding}) rather than per value. In a cold JVM
 * this loop runs interpreted, and {@code ps} with many pods is mostly this loop.
 */
final class RecordReader {

    /** How a value of one type is read, made once per type. */
    private sealed interface Binding {
        Object read(RecordReader r);

        /** What a JSON null (or an absent component) is: 0 or false for a primitive. */
        default Object absent() {
            return null;
        }
    }

    private static final Map<Type, Binding> BINDINGS = new ConcurrentHashMap<>();

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /**
     * A mismatch of value and type, its path filled in on the way out (so a document that reads
     * without one builds no path at all).
     */
    private static final class Mismatch extends RuntimeException {
        private String path = "";

        Mismatch(String message) {
            super(message, null, false, false);
        }

        Mismatch under(String step) {
            path = step + path;
            return this;
        }
    }

    private final byte[] b;
    private int at;

    private RecordReader(byte[] json) {
        this.b = json;
    }

    static <T> T read(byte[] json, Class<T> type) {
        RecordReader r = new RecordReader(json);
        try {
            Object value = r.value(binding(type));
            r.space();
            if (r.at < r.b.length) {
                throw r.syntax("unexpected text after the value");
            }
            return type.cast(value);
        } catch (Mismatch m) {
            throw new JsonException(type.getSimpleName() + m.path + ": " + m.getMessage());
        }
    }

    // ---------------------------------------------------------------- bindings

    private static Binding binding(Type type) {
        Binding known = BINDINGS.get(type);
        if (known != null) {
            return known;
        }
        // not computeIfAbsent: a record binding's components are looked up later, and may
        // come back to the same type
        Binding made = make(type);
        Binding raced = BINDINGS.putIfAbsent(type, made);
        return raced == null ? made : raced;
    }

    private static Binding make(Type type) {
        Class<?> raw = RecordJson.raw(type);
        RecordJson.Variants variants = RecordJson.variants(raw);
        if (variants != null) {
            return new VariantBinding(variants);
        }
        if (raw.isRecord()) {
            return new RecordBinding(RecordJson.shape(raw));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new ArrayBinding(
                    Set.class.isAssignableFrom(raw), binding(RecordJson.argument(type, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new MapBinding(binding(RecordJson.argument(type, 1)));
        }
        if (raw == String.class) {
            return new TextBinding();
        }
        return new ScalarBinding(raw);
    }

    private static final class RecordBinding implements Binding {
        private final RecordJson.Shape shape;
        private final byte[][] keys;
        private volatile Binding[] components;

        RecordBinding(RecordJson.Shape shape) {
            this.shape = shape;
            this.keys = new byte[shape.names().length][];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = shape.names()[i].getBytes(StandardCharsets.UTF_8);
            }
        }

        Binding[] components() {
            Binding[] cs = components;
            if (cs == null) {
                cs = new Binding[keys.length];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = binding(shape.types()[i]);
                }
                components = cs;
            }
            return cs;
        }

        @Override
        public Object read(RecordReader r) {
            return r.record(this);
        }
    }

    private record VariantBinding(RecordJson.Variants variants) implements Binding {
        @Override
        public Object read(RecordReader r) {
            return r.variant(variants);
        }
    }

    private record ArrayBinding(boolean set, Binding element) implements Binding {
        @Override
        public Object read(RecordReader r) {
            return r.array(this);
        }
    }

    private record MapBinding(Binding value) implements Binding {
        @Override
        public Object read(RecordReader r) {
            return r.map(value);
        }
    }

    private record TextBinding() implements Binding {
        @Override
        public Object read(RecordReader r) {
            return r.peek() == '"' ? r.string() : scalar(r.scalarOrNot(), String.class);
        }
    }

    private record ScalarBinding(Class<?> raw) implements Binding {
        @Override
        public Object read(RecordReader r) {
            return scalar(r.scalarOrNot(), raw);
        }

        @Override
        public Object absent() {
            return raw.isPrimitive() ? zero(raw) : null;
        }
    }

    // ---------------------------------------------------------------- structure

    private Object value(Binding binding) {
        space();
        if (peek() == 'n') {
            literal(NULL);
            return binding.absent();
        }
        return binding.read(this);
    }

    private Object record(RecordBinding binding) {
        if (peek() != '{') {
            throw mismatch("an object");
        }
        RecordJson.Shape s = binding.shape;
        Binding[] components = binding.components();
        Object[] args = new Object[components.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = components[i].absent();
        }
        at++;
        space();
        if (peek() == '}') {
            at++;
        } else {
            // jpod writes the components in order: the one after the last is tried first
            int expected = 0;
            while (true) {
                int i = key(binding.keys, s.names(), expected);
                expected = i + 1;
                space();
                expect(':');
                if (i < 0) {
                    skip();
                } else {
                    try {
                        args[i] = value(components[i]);
                    } catch (Mismatch m) {
                        throw m.under("." + s.names()[i]);
                    }
                }
                if (endOf('}')) {
                    break;
                }
            }
        }
        try {
            return s.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            throw new Mismatch(String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new Mismatch(e.toString());
        }
    }

    /** The variant its tag names, wherever in the object the tag is. */
    private Object variant(RecordJson.Variants variants) {
        if (peek() != '{') {
            throw mismatch("an object");
        }
        int start = at;
        Object tag = null;
        at++;
        space();
        if (peek() != '}') {
            while (true) {
                space();
                if (peek() != '"') {
                    throw syntax("expected a field name");
                }
                String name = string();
                space();
                expect(':');
                space();
                if (name.equals(variants.property()) && peek() != '{' && peek() != '[') {
                    tag = token();
                } else {
                    skip();
                }
                if (endOf('}')) {
                    break;
                }
            }
        }
        at = start;
        Class<?> variant = variants.byName().get(tag);
        if (variant == null) {
            throw new Mismatch("unknown " + variants.property() + " '" + tag + "'");
        }
        return value(binding(variant));
    }

    private Object array(ArrayBinding binding) {
        if (peek() != '[') {
            throw mismatch("an array");
        }
        Collection<Object> out = binding.set() ? new LinkedHashSet<>() : new ArrayList<>();
        at++;
        space();
        if (peek() == ']') {
            at++;
            return out;
        }
        for (int i = 0; ; i++) {
            try {
                out.add(value(binding.element()));
            } catch (Mismatch m) {
                throw m.under("[" + i + "]");
            }
            if (endOf(']')) {
                return out;
            }
        }
    }

    private Object map(Binding value) {
        if (peek() != '{') {
            throw mismatch("an object");
        }
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
                throw syntax("expected a field name");
            }
            String key = string();
            space();
            expect(':');
            try {
                out.put(key, value(value));
            } catch (Mismatch m) {
                throw m.under("." + key);
            }
            if (endOf('}')) {
                return out;
            }
        }
    }

    /** After a member: true at the closing bracket, false at a comma, else a syntax error. */
    private boolean endOf(char close) {
        space();
        byte c = next();
        if (c == close) {
            return true;
        }
        if (c != ',') {
            at--;
            throw syntax("expected ',' or '" + close + "'");
        }
        return false;
    }

    /**
     * The index of the field name here among {@code keys}, -1 for a name the record does not have;
     * compared as bytes unless the name has escapes, {@code keys[expected]} first.
     */
    private int key(byte[][] keys, String[] names, int expected) {
        space();
        if (peek() != '"') {
            throw syntax("expected a field name");
        }
        byte[] b = this.b;
        int start = at + 1;
        if (expected < keys.length) {
            // no scan for the closing quote where the name is the one expected
            byte[] k = keys[expected];
            int close = start + k.length;
            if (close < b.length && b[close] == '"' && same(k, start, k.length)) {
                at = close + 1;
                return expected;
            }
        }
        int end = start;
        while (end < b.length) {
            byte c = b[end];
            if (c == '"' || c == '\\') {
                break;
            }
            end++;
        }
        if (end >= b.length || b[end] == '\\') {
            String name = string();
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
        at = end + 1;
        int length = end - start;
        for (int i = 0; i < keys.length; i++) {
            if (same(keys[i], start, length)) {
                return i;
            }
        }
        return -1;
    }

    private boolean same(byte[] k, int start, int length) {
        if (k.length != length) {
            return false;
        }
        byte[] b = this.b;
        for (int j = 0; j < length; j++) {
            if (k[j] != b[start + j]) {
                return false;
            }
        }
        return true;
    }

    /** Steps over any value, checking its syntax, building nothing. */
    private void skip() {
        space();
        byte c = peek();
        if (c == '{' || c == '[') {
            byte close = c == '{' ? (byte) '}' : (byte) ']';
            at++;
            space();
            if (peek() == close) {
                at++;
                return;
            }
            while (true) {
                if (c == '{') {
                    space();
                    if (peek() != '"') {
                        throw syntax("expected a field name");
                    }
                    skipString();
                    space();
                    expect(':');
                }
                skip();
                if (endOf((char) close)) {
                    return;
                }
            }
        }
        if (c == '"') {
            skipString();
        } else {
            token();
        }
    }

    private void skipString() {
        byte[] b = this.b;
        int i = at + 1;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                at = i + 1;
                return;
            }
            if (c == '\\') {
                at = i;
                escape(new StringBuilder());
                i = at;
            } else {
                i++;
            }
        }
        at = i;
        throw syntax("unterminated string");
    }

    // ---------------------------------------------------------------- scalars

    /** An object or array where a scalar was expected, as a mismatch names it. */
    private enum NotScalar {
        OBJECT("an object"),
        ARRAY("an array");

        private final String shown;

        NotScalar(String shown) {
            this.shown = shown;
        }
    }

    /** The scalar here, or what stands in its place (not read: the mismatch ends the reading). */
    private Object scalarOrNot() {
        byte c = peek();
        return c == '{' ? NotScalar.OBJECT : c == '[' ? NotScalar.ARRAY : token();
    }

    /** A string, number, true, false or null here, as String, Long, BigDecimal or Boolean. */
    private Object token() {
        space();
        byte c = peek();
        switch (c) {
            case '"':
                return string();
            case 't':
                literal(TRUE);
                return Boolean.TRUE;
            case 'f':
                literal(FALSE);
                return Boolean.FALSE;
            case 'n':
                literal(NULL);
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw syntax("unexpected '" + (char) (c & 0xff) + "'");
        }
    }

    private String string() {
        byte[] b = this.b;
        int start = at + 1;
        int i = start;
        int bits = 0;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                at = i + 1;
                // Latin-1 is a plain copy; a UTF-8 decode is a loop of its own, interpreted
                return new String(
                        b,
                        start,
                        i - start,
                        bits < 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            }
            if (c == '\\') {
                at = i;
                return escaped(start);
            }
            bits |= c;
            i++;
        }
        at = i;
        throw syntax("unterminated string");
    }

    /** The rest of a string from its first escape (at {@code at}), the text before it decoded. */
    private String escaped(int start) {
        StringBuilder out = new StringBuilder();
        int run = start;
        while (true) {
            if (at >= b.length) {
                throw syntax("unterminated string");
            }
            byte c = b[at];
            if (c == '"' || c == '\\') {
                out.append(new String(b, run, at - run, StandardCharsets.UTF_8));
                if (c == '"') {
                    at++;
                    return out.toString();
                }
                escape(out);
                run = at;
            } else {
                at++;
            }
        }
    }

    /** One escape at {@code at}, its character appended. */
    private void escape(StringBuilder out) {
        at++;
        byte e = next();
        switch (e) {
            case '"', '\\', '/' -> out.append((char) e);
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
                if (at + 4 > b.length) {
                    throw syntax("short \\u escape");
                }
                try {
                    out.append(
                            (char)
                                    Integer.parseInt(
                                            new String(b, at, 4, StandardCharsets.ISO_8859_1), 16));
                } catch (NumberFormatException x) {
                    throw syntax("bad \\u escape");
                }
                at += 4;
            }
            default -> {
                at--;
                throw syntax("bad escape \\" + (char) (e & 0xff));
            }
        }
    }

    private Object number() {
        int start = at;
        boolean integral = true;
        while (at < b.length) {
            byte c = b[at];
            if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
            } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
                break;
            }
            at++;
        }
        if (integral && at - start < 19) {
            Long whole = whole(start, at);
            if (whole != null) {
                return whole;
            }
        }
        String text = new String(b, start, at - start, StandardCharsets.ISO_8859_1);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            at = start;
            throw syntax("bad number " + text);
        }
    }

    /**
     * Digits with an optional sign, as Long.parseLong takes them, without the String; else null.
     */
    private Long whole(int start, int end) {
        int i = start;
        boolean negative = b[i] == '-';
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        if (i == end) {
            return null;
        }
        long v = 0;
        for (; i < end; i++) {
            byte d = b[i];
            if (d < '0' || d > '9') {
                return null;
            }
            v = v * 10 + (d - '0');
        }
        return negative ? -v : v;
    }

    /** The word here, compared as bytes: String.charAt is four calls in an interpreted loop. */
    private void literal(byte[] word) {
        byte[] b = this.b;
        for (int i = 0; i < word.length; i++) {
            if (at + i >= b.length || b[at + i] != word[i]) {
                throw syntax("unexpected '" + (char) (b[at] & 0xff) + "'");
            }
        }
        at += word.length;
    }

    // ---------------------------------------------------------------- conversions

    private static Object scalar(Object token, Class<?> raw) {
        if (token == null) {
            return raw.isPrimitive() ? zero(raw) : null;
        }
        if (raw == String.class) {
            if (token instanceof String s) {
                return s;
            }
            if (token instanceof BigDecimal || token instanceof Long || token instanceof Boolean) {
                return token.toString();
            }
            throw mismatch("text", token);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (token instanceof Boolean bool) {
                return bool;
            }
            if (token instanceof String s && (s.equals("true") || s.equals("false"))) {
                return Boolean.valueOf(s);
            }
            throw mismatch("true or false", token);
        }
        if (raw == Instant.class) {
            try {
                if (token instanceof String s) {
                    return UtcInstant.parse(s);
                }
                BigDecimal seconds = number(token);
                return Instant.ofEpochSecond(
                        seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } catch (DateTimeParseException e) {
                throw mismatch("an ISO-8601 instant", token);
            }
        }
        if (raw == Duration.class) {
            try {
                if (token instanceof String s) {
                    return Duration.parse(s);
                }
                BigDecimal seconds = number(token);
                return Duration.ofSeconds(
                        seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } catch (DateTimeParseException e) {
                throw mismatch("an ISO-8601 duration", token);
            }
        }
        if (raw.isEnum()) {
            if (token instanceof String s) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(s)) {
                        return constant;
                    }
                }
            }
            throw mismatch("one of " + List.of(raw.getEnumConstants()), token);
        }
        if (token instanceof Long l && isWhole(raw)) {
            return narrow(l, raw);
        }
        BigDecimal n = number(token);
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
            throw mismatch("a whole number in range", token);
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
     * A whole number as read, without a BigDecimal: that class's first use costs a cold JVM some
     * milliseconds, and nearly every number in jpod's files is a whole one.
     */
    private static Object narrow(long l, Class<?> raw) {
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
        throw mismatch("a whole number in range", l);
    }

    private static BigDecimal number(Object token) {
        if (token instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (token instanceof BigDecimal d) {
            return d;
        }
        if (token instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw mismatch("a number", token);
    }

    static Object zero(Class<?> primitive) {
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

    private static Mismatch mismatch(String expected, Object found) {
        return new Mismatch(
                "expected "
                        + expected
                        + ", found "
                        + (found instanceof NotScalar n ? n.shown : "'" + found + "'"));
    }

    /** The value here is of the wrong kind for {@code expected}. */
    private Mismatch mismatch(String expected) {
        return mismatch(expected, scalarOrNot());
    }

    // ---------------------------------------------------------------- characters

    private void space() {
        byte[] b = this.b;
        int i = at;
        // one comparison for the common case, a byte that is no space at all
        while (i < b.length && b[i] <= ' ') {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        at = i;
    }

    private byte peek() {
        if (at >= b.length) {
            throw syntax("unexpected end");
        }
        return b[at];
    }

    private byte next() {
        byte c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            at--;
            throw syntax("expected '" + c + "'");
        }
    }

    /** A syntax error where the reader is, its column counted in characters, not bytes. */
    private JsonException syntax(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(at, b.length); i++) {
            if (b[i] == '\n') {
                line++;
                column = 1;
            } else if ((b[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new JsonException(what + " at line " + line + ", column " + column);
    }
}
