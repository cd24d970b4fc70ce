package io.jpod.cli.command;

import io.jpod.model.ManifestSet;
import io.jpod.model.PodModel;
import io.jpod.model.VolumeModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files that the pods' hostPath volumes name, for {@code --watch}. A container sees an edit
 * made in place through its bind mount; a file replaced by a rename (as editors save) is a new
 * inode, and the container keeps the old one until its pod is made again. So each file is kept with
 * the identity it had when its pods were made.
 */
final class HostPathFiles {

    private record Mounted(Object identity, Set<String> pods) {}

    private final Map<Path, Mounted> files = new LinkedHashMap<>();

    /** The regular files the pods' hostPath volumes name now (directories are seen live). */
    static HostPathFiles of(ManifestSet set) {
        HostPathFiles out = new HostPathFiles();
        for (PodModel pod : set.pods()) {
            for (VolumeModel v : pod.volumes()) {
                if (v instanceof VolumeModel.HostPath h && h.path() != null) {
                    Path file = Path.of(h.path()).toAbsolutePath().normalize();
                    Object identity = identity(file);
                    if (identity != null) {
                        out.files
                                .computeIfAbsent(
                                        file, f -> new Mounted(identity, new LinkedHashSet<>()))
                                .pods()
                                .add(pod.name());
                    }
                }
            }
        }
        return out;
    }

    Set<Path> paths() {
        return files.keySet();
    }

    /** Whether a watch event's file is one of these. */
    boolean contains(Path file) {
        return files.containsKey(file);
    }

    /**
     * The pods whose bind mount of one of {@code changed} no longer shows the file there: it was
     * replaced since they were made.
     */
    Set<String> stalePods(List<Path> changed) {
        Set<String> stale = new LinkedHashSet<>();
        for (Path file : changed) {
            Mounted m = files.get(file);
            Object now = identity(file);
            // a file gone is left to the next edit: making the pod again now would fail
            if (m != null && now != null && !now.equals(m.identity())) {
                stale.addAll(m.pods());
            }
        }
        return stale;
    }

    /** The file's device and inode, null when it is not a regular file now. */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? a.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
