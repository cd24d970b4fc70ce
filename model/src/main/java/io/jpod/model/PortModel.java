package io.jpod.model;

/** A container port; hostPort is 0 when unset, name and hostIP null when unset. */
public record PortModel(
        String name, int containerPort, int hostPort, String hostIP, Protocol protocol) {}
