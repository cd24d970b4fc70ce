package io.jpod.runtime.spec;

import java.nio.file.Path;

/**
 * Where a pod's files are on the host.
 *
 * @param podDir the pod's directory: its /etc files and the volumes that live with it
 * @param namedVolumes where persistent claims live, {@code NAME/_data}
 */
public record PodPaths(Path podDir, Path namedVolumes) {}
