package io.jpod.model.yaml;

/** A position in a manifest file; line and column are 1-based, 0 when unknown. */
public record Mark(String file, int line, int column) {}
