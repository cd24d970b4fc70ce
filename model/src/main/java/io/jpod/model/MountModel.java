package io.jpod.model;

/**
 * A volume mount; subPath is null when the whole volume is mounted. subPathExpr, when set (subPath
 * is then null), is a subPath with {@code $(VAR)} references to the container's environment, which
 * {@link ContainerResolver} expands.
 */
public record MountModel(
        String volumeName,
        String mountPath,
        String subPath,
        boolean readOnly,
        MountPropagation propagation,
        String subPathExpr) {

    /** This mount with its subPathExpr expanded into a subPath. */
    MountModel withSubPath(String expanded) {
        return new MountModel(volumeName, mountPath, expanded, readOnly, propagation, null);
    }
}
