package io.jpod.runtime.pod;

import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;

/** A container and the pod it belongs to. */
public record Located(PodRecord pod, ContainerRecord container) {}
