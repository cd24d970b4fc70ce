package io.jpod.runtime.json;

/**
 * Pretty-printed JSON written as it is built, two spaces a level, for documents jpod hands to other
 * programs (an OCI runtime's config.json): a cold JVM builds one with this in well under a
 * millisecond, where starting Jackson's tree model took tens of them.
 *
 * <p>Calls nest as the document does: {@link #object()} or {@link #array()} opens a value, {@link
 * #end()} closes the innermost; the named forms open or write a member of the enclosing object.
 */
public final class JsonWriter {

    private static final int MAX_DEPTH = 32;

    private final StringBuilder out = new StringBuilder(4096);
    private final char[] closers = new char[MAX_DEPTH];
    private final boolean[] empty = new boolean[MAX_DEPTH];
    private int depth = -1;
    private boolean named;

    public JsonWriter object() {
        return open('{', '}');
    }

    public JsonWriter object(String name) {
        return name(name).open('{', '}');
    }

    public JsonWriter array() {
        return open('[', ']');
    }

    public JsonWriter array(String name) {
        return name(name).open('[', ']');
    }

    /** Closes the innermost object or array. */
    public JsonWriter end() {
        char close = closers[depth];
        boolean nothing = empty[depth];
        depth--;
        if (!nothing) {
            newline(depth + 1);
        }
        out.append(close);
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        RecordJson.string(s, out);
        return this;
    }

    public JsonWriter value(long n) {
        separate();
        out.append(n);
        return this;
    }

    public JsonWriter field(String name, String s) {
        return name(name).value(s);
    }

    public JsonWriter field(String name, long n) {
        return name(name).value(n);
    }

    public JsonWriter field(String name, boolean b) {
        name(name).separate();
        out.append(b);
        return this;
    }

    /** A member whose value is JSON text already, written as it is. */
    public JsonWriter rawField(String name, String json) {
        name(name).separate();
        out.append(json.strip());
        return this;
    }

    /** The document, once every object and array is closed. */
    public String text() {
        if (depth >= 0) {
            throw new IllegalStateException("JSON not closed: " + (depth + 1) + " levels open");
        }
        return out + "\n";
    }

    private JsonWriter name(String name) {
        separate();
        RecordJson.string(name, out);
        out.append(": ");
        named = true;
        return this;
    }

    private JsonWriter open(char open, char close) {
        separate();
        out.append(open);
        depth++;
        closers[depth] = close;
        empty[depth] = true;
        return this;
    }

    /** Before a value: the comma and line break its place in the enclosing container needs. */
    private void separate() {
        if (named) {
            named = false;
            return;
        }
        if (depth >= 0) {
            if (!empty[depth]) {
                out.append(',');
            }
            empty[depth] = false;
            newline(depth + 1);
        }
    }

    private void newline(int level) {
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }
}
