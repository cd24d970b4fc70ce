package io.jpod.model;

/** A ConfigMap or Secret key projected to a file; mode null means the volume's defaultMode. */
public record KeyToPath(String key, String path, Integer mode) {}
