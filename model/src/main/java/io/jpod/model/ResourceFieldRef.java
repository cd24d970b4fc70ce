package io.jpod.model;

/**
 * A downward-API reference to a container's resource such as {@code limits.memory}, in units of
 * divisor.
 */
public record ResourceFieldRef(String containerName, String resource, Quantity divisor) {}
