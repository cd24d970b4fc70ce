package io.jpod.model;

/** A downward-API reference to a pod field such as {@code metadata.labels['app']}. */
public record FieldRef(String fieldPath) {}
