package io.jpod.cli.format;

import java.util.LinkedHashMap;

/**
 * An object with fixed fields, as podman's Go structs are: a template naming a field it lacks is an
 * error, where a plain {@link java.util.Map} (labels, annotations) answers {@code <no value>}. Keys
 * keep their insertion order, which is also the order {@code json} writes them in.
 */
public final class GoStruct extends LinkedHashMap<String, Object> {

    private final String type;

    public GoStruct(String type) {
        this.type = type;
    }

    /** The type name an error message shows. */
    public String type() {
        return type;
    }

    /** Adds a field and returns this struct, for building literals. */
    public GoStruct with(String field, Object value) {
        put(field, value);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoStruct s && s.type.equals(type) && super.equals(o);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + super.hashCode();
    }
}
