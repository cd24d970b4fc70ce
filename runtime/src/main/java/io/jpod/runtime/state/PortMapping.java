package io.jpod.runtime.state;

/** A hostPort forwarded into the pod's network namespace. */
public record PortMapping(String protocol, String hostIP, int hostPort, int containerPort) {}
