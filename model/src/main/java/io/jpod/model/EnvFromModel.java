package io.jpod.model;

/** An {@code envFrom} entry: every key of one ConfigMap or Secret, with an optional name prefix. */
public record EnvFromModel(
        String prefix, String configMapName, String secretName, boolean optional) {}
