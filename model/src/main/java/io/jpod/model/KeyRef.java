package io.jpod.model;

/** A key of a named ConfigMap or Secret; optional means a missing one is skipped, not an error. */
public record KeyRef(String name, String key, boolean optional) {}
