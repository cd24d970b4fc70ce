package io.jpod.runtime.spec;

/**
 * A pod volume as containers bind it: its directory on the host.
 *
 * @param readOnly whether every mount of it is read-only (files the runtime wrote: configMap,
 *     secret, downwardAPI)
 */
public record VolumeSource(String name, String path, boolean readOnly) {}
