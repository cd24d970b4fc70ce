package io.jpod.model;

import java.util.List;

/**
 * A pod volume as written; {@link VolumeResolver} turns one into something the runtime can mount.
 */
public sealed interface VolumeModel {
    String name();

    record HostPath(String name, String path, HostPathType type) implements VolumeModel {}

    /** medium is "" (disk) or "Memory"; sizeLimit may be null. */
    record EmptyDir(String name, String medium, Quantity sizeLimit) implements VolumeModel {}

    /** defaultMode null means 0644. */
    record ConfigMap(
            String name,
            String configMapName,
            List<KeyToPath> items,
            Integer defaultMode,
            boolean optional)
            implements VolumeModel {}

    record Secret(
            String name,
            String secretName,
            List<KeyToPath> items,
            Integer defaultMode,
            boolean optional)
            implements VolumeModel {}

    record Claim(String name, String claimName, boolean readOnly) implements VolumeModel {}

    record DownwardApi(String name, List<DownwardItem> items, Integer defaultMode)
            implements VolumeModel {}

    /**
     * Several configMap, secret and downwardAPI sources in one directory; each source carries the
     * projected volume's defaultMode (null means 0644). serviceAccountToken sources are dropped
     * when read.
     */
    record Projected(String name, List<VolumeModel> sources, Integer defaultMode)
            implements VolumeModel {}
}
