package io.jpod.model;

import java.util.List;

/** A PersistentVolumeClaim; storage and storageClassName may be null. */
public record PvcModel(
        String name,
        String namespace,
        List<String> accessModes,
        Quantity storage,
        String storageClassName) {}
