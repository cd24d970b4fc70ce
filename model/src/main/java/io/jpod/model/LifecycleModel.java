package io.jpod.model;

/** A container's postStart and preStop hooks; either may be null. */
public record LifecycleModel(Action postStart, Action preStop) {}
