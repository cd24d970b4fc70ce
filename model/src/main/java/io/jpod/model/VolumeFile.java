package io.jpod.model;

import java.util.Arrays;

/** One file of a projected volume; mode is the permission bits, e.g. 0644. */
public record VolumeFile(String path, byte[] content, int mode) {
    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeFile f
                && f.path.equals(path)
                && Arrays.equals(f.content, content)
                && f.mode == mode;
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content) + mode;
    }

    @Override
    public String toString() {
        return "VolumeFile["
                + path
                + ", "
                + content.length
                + " bytes, "
                + Integer.toOctalString(mode)
                + "]";
    }
}
