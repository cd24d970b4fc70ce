package io.jpod.runtime.pod;

import java.util.List;

/** A pod volume, in the forms the runtime can provide. */
public sealed interface VolumePlan {

    String name();

    /**
     * A host path; {@code create} makes a missing directory (DirectoryOrCreate) or file
     * (FileOrCreate).
     */
    record HostPath(String name, String path, Create create) implements VolumePlan {
        public enum Create {
            NONE,
            DIRECTORY,
            FILE
        }
    }

    /** A fresh directory that lives and dies with the pod; tmpfs when {@code memory}. */
    record EmptyDir(String name, boolean memory) implements VolumePlan {}

    /**
     * Files the runtime writes for the pod (configMap, secret, downwardAPI), read-only in
     * containers.
     */
    record Files(String name, List<FileEntry> files) implements VolumePlan {}

    /** A persistent named volume that outlives the pod (persistentVolumeClaim). */
    record Named(String name, String claim) implements VolumePlan {}

    record FileEntry(String path, byte[] content, int mode) {}
}
