package io.jpod.model;

/** An {@code env} entry as written: a literal value, or exactly one of the value sources. */
public record EnvVarModel(
        String name,
        String value,
        FieldRef fieldRef,
        ResourceFieldRef resourceFieldRef,
        KeyRef configMapKeyRef,
        KeyRef secretKeyRef) {

    public static EnvVarModel literal(String name, String value) {
        return new EnvVarModel(name, value, null, null, null, null);
    }
}
