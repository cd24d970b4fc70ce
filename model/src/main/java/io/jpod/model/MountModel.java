package io.jpod.model;

/** A volume mount; subPath is null when the whole volume is mounted. */
public record MountModel(
        String volumeName,
        String mountPath,
        String subPath,
        boolean readOnly,
        MountPropagation propagation) {}
