package io.jpod.model;

import java.util.List;

/** A volume ready for the runtime to provide. */
public sealed interface ResolvedVolume {
    record HostPath(String path, HostPathType type) implements ResolvedVolume {}

    /** medium is "" (disk) or "Memory" (a tmpfs); sizeLimit may be null. */
    record EmptyDir(String medium, Quantity sizeLimit) implements ResolvedVolume {}

    /**
     * ConfigMap, Secret and downwardAPI content: the files to write, paths relative to the volume
     * root.
     */
    record Files(List<VolumeFile> files) implements ResolvedVolume {}

    record Claim(String claimName, boolean readOnly) implements ResolvedVolume {}
}
